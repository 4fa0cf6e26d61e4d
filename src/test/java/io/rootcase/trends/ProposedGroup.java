package io.rootcase.trends;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import io.rootcase.shared.Ids;

import org.springframework.context.ApplicationContext;

/**
 * Three new cases about an echo on the phone line, proposed as a group the way the
 * clustering stores one: which cases group together is the clustering's business, tested
 * apart ({@code MeaningClustersTests}); deciding on a group is the business of the tests
 * that use this.
 *
 * @param id the group's id
 * @param members its cases' references
 */
public record ProposedGroup(UUID id, List<String> members) {

	public static ProposedGroup ofThreeEchoCases(ApplicationContext context, Instant now) {
		ContactIntake intake = context.getBean(ContactIntake.class);
		Map<UUID, String> representatives = new LinkedHashMap<>();
		List<String> members = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String text = "There is an echo on my home phone line since the router update (" + i + ")";
			ContactReceipt receipt = intake.receive(new IncomingContact(Channel.PHONE, Direction.INBOUND,
					now.minus(Duration.ofDays(i + 1)), text,
					Map.of(IdentityKind.EMAIL, "echo-" + UUID.randomUUID() + "@example.com"), null, null, null, null));
			members.add(receipt.caseReference());
			representatives.put(receipt.caseId(), text);
		}
		UUID id = Ids.next();
		context.getBean(ClusterRepository.class)
			.insert(new ClusterRepository.Found(
					new EmergingCluster(id, now, ClusterState.PROPOSED, 3, 3, 0, List.of("echo", "line"),
							List.copyOf(representatives.values()), null, null, null),
					List.copyOf(representatives.keySet()), representatives));
		return new ProposedGroup(id, List.copyOf(members));
	}

}
