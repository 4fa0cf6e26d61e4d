package io.rootcase.customers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.rootcase.RootcaseIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake looks up the owners of every identity a contact carries; a plan that scans the
 * identity table makes each contact slower as customers grow (it did on H2 with ORed
 * pairs), so the plan itself is checked on whichever database the suite runs on.
 */
@RootcaseIntegrationTest
class IdentityLookupPlanTests {

	@Autowired
	DataSource dataSource;

	@Test
	void theOwnersOfSeveralIdentitiesAreReadFromTheIdentitiesPrimaryKey() throws SQLException {
		String query = CustomerRepository.ownersQuery(3);
		// EXPLAIN takes no parameters: the identities go in as literals.
		for (String literal : List.of("EMAIL", "a@example.com", "PHONE", "+441234567890", "ACCOUNT_NUMBER", "A-1")) {
			query = query.replaceFirst("\\?", "'" + literal + "'");
		}
		try (Connection connection = this.dataSource.getConnection()) {
			boolean postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
			List<String> plan = plan(connection, query, postgres);
			if (postgres) {
				assertThat(plan).anySatisfy(line -> assertThat(line).contains("customer_identities_pkey"));
			}
			else {
				assertThat(plan).noneSatisfy(line -> assertThat(line).contains("CUSTOMER_IDENTITIES.tableScan"));
				assertThat(plan).anySatisfy(line -> assertThat(line).containsPattern("PRIMARY_KEY_\\w*: +IN\\(ROW"));
			}
		}
	}

	/**
	 * On PostgreSQL, with sequential scans priced out: the tables of a test database are
	 * small enough that a scan would be the cheaper plan, which says nothing about large
	 * ones; what matters is that the condition can use the index.
	 */
	private static List<String> plan(Connection connection, String query, boolean postgres) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			if (postgres) {
				statement.execute("set local enable_seqscan = off");
			}
			List<String> lines = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("explain " + query)) {
				while (rs.next()) {
					lines.add(rs.getString(1));
				}
			}
			return lines;
		}
		finally {
			connection.rollback();
			connection.setAutoCommit(autoCommit);
		}
	}

}
