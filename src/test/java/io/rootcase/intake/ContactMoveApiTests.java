package io.rootcase.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static io.rootcase.intake.ContactApiTests.contact;
import static io.rootcase.intake.ContactApiTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Agents move a contact that threading put on the wrong case, to a case of its own or to
 * another case of the customer, or merge two cases of a customer that are one matter.
 */
@RootcaseIntegrationTest
class ContactMoveApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	private final String email = unique("move") + "@example.com";

	private JsonNode send(String text, String caseReference, String externalId) throws Exception {
		Map<String, Object> body = new HashMap<>(contact("email", Map.of("email", this.email), text, externalId));
		if (caseReference != null) {
			body.put("caseReference", caseReference);
		}
		return receive(body);
	}

	private JsonNode receive(Map<String, Object> body) throws Exception {
		return this.json.readTree(
				this.mvc
					.perform(post("/api/contacts").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
						.contentType(MediaType.APPLICATION_JSON)
						.content(this.json.writeValueAsString(body)))
					.andReturn()
					.getResponse()
					.getContentAsString());
	}

	private ResultActions move(String contactId, String body) throws Exception {
		return this.mvc.perform(post("/api/contacts/" + contactId + "/move")
			.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private JsonNode moveOk(String contactId, String body) throws Exception {
		return this.json
			.readTree(move(contactId, body).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private JsonNode get(String path) throws Exception {
		return this.json.readTree(this.mvc
			.perform(MockMvcRequestBuilders.get(path).header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	/** The timeline's moves, each as its summary and, after a bar, why. */
	private static List<String> movesOn(JsonNode timeline) {
		return timeline.get("entries")
			.valueStream()
			.filter(e -> e.get("kind").asString().equals("contact_moved"))
			.map(e -> e.get("summary").asString() + " | " + (e.path("text").isString() ? e.get("text").asString() : ""))
			.toList();
	}

	/** A follow-up on a case, moved to a case of its own. */
	private record Split(String contactId, String caseReference) {
	}

	/**
	 * Sends a follow-up on the case and moves it to a case of its own: two cases of one
	 * matter, as threading makes when it reads a follow-up wrongly.
	 */
	private Split followUpOnItsOwnCase(String caseReference, String text) throws Exception {
		String contactId = send(text, caseReference, null).get("contactId").asString();
		return new Split(contactId, moveOk(contactId, "{}").get("caseReference").asString());
	}

	/**
	 * An agent's reply on a case, sent through the contacts API as an integration would.
	 */
	private JsonNode reply(String text, String caseReference) throws Exception {
		Map<String, Object> reply = new HashMap<>(contact("email", Map.of("email", this.email), text, null));
		reply.put("direction", "outbound");
		reply.put("caseReference", caseReference);
		return receive(reply);
	}

	private String caseOfContact(String contactId) {
		return this.jdbc.sql("select case_id from contacts where id = cast(? as uuid)")
			.param(contactId)
			.query(String.class)
			.single();
	}

	@Test
	void aContactMovedOutOpensACaseOfItsOwnAndTheCaseItLeftKeepsTheRest() throws Exception {
		JsonNode router = send("My router restarts every night", null, null);
		String first = router.get("caseReference").asString();
		JsonNode bill = send("Also, my bill doubled this month", first, unique("msg"));

		JsonNode moved = moveOk(bill.get("contactId").asString(),
				"{\"reason\":\"a billing question, not the router\"}");

		String opened = moved.get("caseReference").asString();
		assertThat(opened).isNotEqualTo(first);
		assertThat(moved.get("caseOpened").asBoolean()).isTrue();
		assertThat(moved.get("fromCaseReference").asString()).isEqualTo(first);
		assertThat(moved.get("fromCaseClosed").asBoolean()).isFalse();
		JsonNode newCase = get("/api/cases/" + opened);
		assertThat(newCase.get("summary").get("subject").asString()).isEqualTo("Also, my bill doubled this month");
		assertThat(newCase.get("transitions").get(0).get("actor").asString()).isEqualTo("api:test agent integration");
		assertThat(newCase.get("transitions").get(0).get("reason").asString())
			.isEqualTo("contact moved here from " + first + ": a billing question, not the router");
		assertThat(get("/api/cases/" + opened + "/contacts").valueStream().map(c -> c.get("text").asString()))
			.containsExactly("Also, my bill doubled this month");
		assertThat(get("/api/cases/" + first + "/contacts").valueStream().map(c -> c.get("text").asString()))
			.containsExactly("My router restarts every night");
		assertThat(get("/api/cases/" + first).get("summary").get("status").asString()).isEqualTo("new");
	}

	@Test
	void aCaseLeftWithoutContactsClosesAndTheTimelineShowsEveryMove() throws Exception {
		JsonNode router = send("My router restarts every night", null, null);
		String routerCase = router.get("caseReference").asString();
		String externalId = unique("msg");
		JsonNode again = send("It restarted again at 3 am", routerCase, externalId);
		JsonNode split = moveOk(again.get("contactId").asString(), "{}");

		JsonNode back = moveOk(again.get("contactId").asString(),
				"{\"caseReference\":\"" + routerCase + "\",\"reason\":\"same router problem after all\"}");

		assertThat(back.get("caseReference").asString()).isEqualTo(routerCase);
		assertThat(back.get("caseOpened").asBoolean()).isFalse();
		assertThat(back.get("fromCaseClosed").asBoolean()).isTrue();
		JsonNode emptied = get("/api/cases/" + split.get("caseReference").asString());
		assertThat(emptied.get("summary").get("status").asString()).isEqualTo("closed");
		assertThat(emptied.get("transitions").get(1).get("reason").asString())
			.isEqualTo("its only contact moved to " + routerCase);
		JsonNode timeline = get("/api/customers/" + router.get("customerId").asString() + "/timeline");
		assertThat(movesOn(timeline)).containsExactly(
				"contact \"It restarted again at 3 am\" moved from " + routerCase + " to "
						+ split.get("caseReference").asString() + " | ",
				"contact \"It restarted again at 3 am\" moved from " + split.get("caseReference").asString() + " to "
						+ routerCase + " | same router problem after all");
		// A retry of the message answers with the case it is on now.
		assertThat(send("It restarted again at 3 am", null, externalId).get("caseReference").asString())
			.isEqualTo(routerCase);
	}

	@Test
	void aCaseWaitingOnTheCustomerIsOpenAgainWhenTheirContactIsMovedToIt() throws Exception {
		JsonNode router = send("My router restarts every night", null, null);
		String routerCase = router.get("caseReference").asString();
		Split answer = followUpOnItsOwnCase(routerCase, "It is an HX300");
		String elsewhere = answer.caseReference();
		changeStatus(routerCase, "waiting_on_customer", "asked for the router model");

		moveOk(answer.contactId(), "{\"caseReference\":\"" + routerCase + "\"}");

		JsonNode details = get("/api/cases/" + routerCase);
		assertThat(details.get("summary").get("status").asString()).isEqualTo("open");
		assertThat(details.get("transitions").valueStream().map(t -> t.get("reason").asString()))
			.contains("customer's contact moved here from " + elsewhere);
	}

	private void changeStatus(String reference, String status, String reason) throws Exception {
		postOk("/api/cases/" + reference + "/status", "{\"status\":\"" + status + "\",\"reason\":\"" + reason + "\"}");
	}

	@Test
	void aProposalTheMovedMessageHadReopenedAwaitsTheCustomersConfirmationAgainAndCountsNoReopening() throws Exception {
		String routerCase = send("My router restarts every night", null, null).get("caseReference").asString();
		proposeResolution(routerCase);
		JsonNode proposed = get("/api/cases/" + routerCase).get("summary");
		JsonNode bill = send("Why did my bill double this month?", routerCase, unique("msg"));
		assertThat(get("/api/cases/" + routerCase).get("summary").get("reopenCount").asInt()).isEqualTo(1);

		JsonNode moved = moveOk(bill.get("contactId").asString(), "{\"reason\":\"a billing question\"}");

		JsonNode details = get("/api/cases/" + routerCase);
		JsonNode summary = details.get("summary");
		assertThat(summary.get("status").asString()).isEqualTo("awaiting_confirmation");
		assertThat(summary.get("resolutionProposedAt")).isEqualTo(proposed.get("resolutionProposedAt"));
		assertThat(summary.get("reopenCount").asInt()).isZero();
		assertThat(summary.get("answerDueAt").isNull()).isTrue();
		List<JsonNode> transitions = details.get("transitions").valueStream().toList();
		JsonNode back = transitions.getLast();
		assertThat(back.get("reason").asString())
			.isEqualTo("the customer's message that brought the case back was moved to "
					+ moved.get("caseReference").asString());
		JsonNode reopening = transitions.stream()
			.filter(t -> t.get("reason").asString().equals("customer replied without confirming the resolution"))
			.findFirst()
			.orElseThrow();
		assertThat(back.get("undoes").asString()).isEqualTo(reopening.get("id").asString());
		// The reopening and the change back count neither as a reopening nor as a second
		// proposal in the resolution figures.
		assertThat(this.jdbc.sql("""
				select count(*) from case_transitions t where t.case_id = cast(? as uuid) and t.undoes is null
				  and not exists (select 1 from case_transitions u where u.undoes = t.id)
				  and t.to_status in ('OPEN', 'AWAITING_CONFIRMATION')""")
			.param(summary.get("id").asString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aCaseStaysOpenWhenTheCustomerWroteAgainAfterTheMovedMessage() throws Exception {
		String routerCase = send("My router restarts every night", null, null).get("caseReference").asString();
		proposeResolution(routerCase);
		JsonNode bill = send("Why did my bill double this month?", routerCase, unique("msg"));
		send("And the router restarted again last night", routerCase, unique("msg"));

		moveOk(bill.get("contactId").asString(), "{}");

		assertThat(get("/api/cases/" + routerCase).get("summary").get("status").asString()).isEqualTo("open");
	}

	private void proposeResolution(String reference) throws Exception {
		postOk("/api/cases/" + reference + "/resolution", "{\"note\":\"We replaced your router.\"}");
	}

	private void postOk(String path, String body) throws Exception {
		this.mvc
			.perform(post(path).header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk());
	}

	@Test
	void movesThatCannotBeMadeAreRefusedAndChangeNothing() throws Exception {
		JsonNode router = send("My router restarts every night", null, null);
		String contactId = router.get("contactId").asString();
		String routerCase = router.get("caseReference").asString();
		String caseId = caseOfContact(contactId);
		JsonNode stranger = receive(
				contact("email", Map.of("email", unique("stranger") + "@example.com"), "Where is my parcel?", null));
		JsonNode reply = reply("Which router do you have?", routerCase);

		move(contactId, "{\"caseReference\":\"" + stranger.get("caseReference").asString() + "\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("belongs to another customer")));
		move(contactId, "{\"caseReference\":\"" + routerCase + "\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("already on")));
		move(contactId, "{\"caseReference\":\"RC-999999999\"}").andExpect(status().isNotFound());
		move(contactId, "{\"caseReference\":\"the router case\"}").andExpect(status().isBadRequest());
		move("00000000-0000-0000-0000-000000000000", "{}").andExpect(status().isNotFound());
		move("not-a-uuid", "{}").andExpect(status().isBadRequest());
		move(contactId, "{\"reason\":\"" + "x".repeat(1001) + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("at most 1000")));
		move(contactId, "{\"caseRef\":\"RC-1\"}").andExpect(status().isBadRequest());
		move(reply.get("contactId").asString(), "{}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("reply stays")));

		assertThat(caseOfContact(contactId)).isEqualTo(caseId);
		assertThat(this.jdbc.sql("select count(*) from contact_moves where contact_id = cast(? as uuid)")
			.param(contactId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theLastContactMovedOutOfACaseClosedEarlierDoesNotCloseItAgain() throws Exception {
		JsonNode router = send("My router restarts every night", null, null);
		String routerCase = router.get("caseReference").asString();
		changeStatus(routerCase, "closed", "closed before anyone read it");

		JsonNode moved = moveOk(router.get("contactId").asString(), "{\"reason\":\"never answered\"}");

		assertThat(moved.get("caseOpened").asBoolean()).isTrue();
		assertThat(moved.get("fromCaseClosed").asBoolean()).isFalse();
		assertThat(
				get("/api/cases/" + routerCase).get("transitions").valueStream().map(t -> t.get("reason").asString()))
			.containsExactly("first contact", "closed before anyone read it");
	}

	@Test
	void aClosedCaseTakesNoMovedContact() throws Exception {
		JsonNode router = send("My router restarts every night", null, null);
		String routerCase = router.get("caseReference").asString();
		JsonNode bill = send("My bill doubled", routerCase, null);
		changeStatus(routerCase, "closed", "duplicate");
		JsonNode later = send("Any news on my bill?", null, null);

		move(later.get("contactId").asString(), "{\"caseReference\":\"" + routerCase + "\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("closed case")));
		assertThat(caseOfContact(bill.get("contactId").asString()))
			.isEqualTo(caseOfContact(router.get("contactId").asString()));
	}

	private ResultActions merge(String reference, String body) throws Exception {
		return this.mvc.perform(
				post("/api/cases/" + reference + "/merge").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body));
	}

	private static String into(String reference, String reason) {
		return "{\"into\":\"" + reference + "\",\"reason\":\"" + reason + "\"}";
	}

	private List<String> textsOnCase(String reference) throws Exception {
		return get("/api/cases/" + reference + "/contacts").valueStream().map(c -> c.get("text").asString()).toList();
	}

	@Test
	void aMergedCaseHandsOverEveryContactRepliesIncludedClosesAndTheCaseItJoinedOpensAgain() throws Exception {
		JsonNode router = send("My router restarts every night", null, null);
		String routerCase = router.get("caseReference").asString();
		String second = followUpOnItsOwnCase(routerCase, "The router restarted again at 3 am").caseReference();
		reply("Which router model do you have?", second);
		changeStatus(routerCase, "waiting_on_customer", "asked for a photo of the router");

		JsonNode merged = this.json
			.readTree(merge(second, into(routerCase, "the same restarts")).andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());

		assertThat(merged.get("fromCaseReference").asString()).isEqualTo(second);
		assertThat(merged.get("caseReference").asString()).isEqualTo(routerCase);
		assertThat(merged.get("contactsMoved").asInt()).isEqualTo(2);
		assertThat(merged.get("status").asString()).isEqualTo("open");
		assertThat(textsOnCase(routerCase)).containsExactlyInAnyOrder("My router restarts every night",
				"The router restarted again at 3 am", "Which router model do you have?");
		assertThat(textsOnCase(second)).isEmpty();
		JsonNode closed = get("/api/cases/" + second);
		assertThat(closed.get("summary").get("status").asString()).isEqualTo("closed");
		assertThat(closed.get("summary").get("mergedIntoId").asString()).isEqualTo(merged.get("caseId").asString());
		assertThat(closed.get("transitions").get(closed.get("transitions").size() - 1).get("reason").asString())
			.isEqualTo("merged into " + routerCase + ": the same restarts");
		assertThat(
				get("/api/cases/" + routerCase).get("transitions").valueStream().map(t -> t.get("reason").asString()))
			.contains("customer's contacts moved here with " + second + ": the same restarts");
		JsonNode timeline = get("/api/customers/" + router.get("customerId").asString() + "/timeline");
		// One entry for the contacts the merge moved.
		assertThat(movesOn(timeline)).containsExactly(
				"contact \"The router restarted again at 3 am\" moved from " + routerCase + " to " + second + " | ",
				"2 contacts moved from " + second + " to " + routerCase + " | the same restarts");
	}

	@Test
	void theCaseMergedIntoJoinsTheProblemThatHeldTheMergedCaseSoNoContactFallsOutOfItsImpact() throws Exception {
		String routerCase = send("My router restarts every night", null, null).get("caseReference").asString();
		String second = followUpOnItsOwnCase(routerCase, "The router restarted again at 3 am").caseReference();
		JsonNode problem = this.json.readTree(this.mvc
			.perform(post("/api/problems").header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"Routers restart at night\",\"team\":\"product\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String reference = problem.get("reference").asString();
		this.mvc
			.perform(post("/api/problems/" + reference + "/cases")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"caseReferences\":[\"" + second + "\"]}"))
			.andExpect(status().isOk());
		assertThat(get("/api/problems/" + reference).get("impact").get("contacts").asLong()).isEqualTo(1);

		merge(second, into(routerCase, "the same restarts")).andExpect(status().isOk());

		assertThat(get("/api/cases/" + routerCase).get("summary").get("problemId").asString())
			.isEqualTo(problem.get("id").asString());
		// The moved contact and the case's own first one.
		assertThat(get("/api/problems/" + reference).get("impact").get("contacts").asLong()).isEqualTo(2);
	}

	@Test
	void theCaseMergedIntoTakesTheAgentWhoHeldTheMergedCaseWhenNobodyHoldsIt() throws Exception {
		String routerCase = send("My router restarts every night", null, null).get("caseReference").asString();
		String second = followUpOnItsOwnCase(routerCase, "The router restarted again at 3 am").caseReference();
		postOk("/api/cases/" + second + "/handover",
				"{\"team\":\"support\",\"agent\":\"bob\",\"note\":\"knows the router\"}");

		merge(second, into(routerCase, "the same restarts")).andExpect(status().isOk());

		JsonNode kept = get("/api/cases/" + routerCase);
		assertThat(kept.get("summary").get("assignee").asString()).isEqualTo("bob");
		assertThat(kept.get("summary").get("handoverCount").asInt()).isZero();
	}

	@Test
	void mergesThatCannotBeMadeAreRefusedAndChangeNothing() throws Exception {
		JsonNode router = send("My router restarts every night", null, null);
		String routerCase = router.get("caseReference").asString();
		Split again = followUpOnItsOwnCase(routerCase, "The router restarted again at 3 am");
		String contactId = again.contactId();
		String second = again.caseReference();
		JsonNode stranger = receive(
				contact("email", Map.of("email", unique("stranger") + "@example.com"), "Where is my parcel?", null));

		merge(second, into(stranger.get("caseReference").asString(), "")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("belongs to another customer")));
		merge(second, into(second, "")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("into itself")));
		merge(second, into("RC-999999999", "")).andExpect(status().isNotFound());
		merge("RC-999999999", into(routerCase, "")).andExpect(status().isNotFound());
		merge(second, into("the router case", "")).andExpect(status().isBadRequest());
		merge(second, "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("name the case to merge into")));
		merge(second, into(routerCase, "x".repeat(1001))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("at most 1000")));
		merge(second, "{\"into\":\"" + routerCase + "\",\"why\":\"typo\"}").andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/cases/" + second + "/resolution")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"note\":\"The router firmware was updated\"}"))
			.andExpect(status().isOk());
		merge(second, into(routerCase, "")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("can be merged")));
		changeStatus(routerCase, "closed", "answered by phone");
		merge(second, into(routerCase, "")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("closed case")));

		assertThat(textsOnCase(routerCase)).containsExactly("My router restarts every night");
		assertThat(textsOnCase(second)).first().isEqualTo("The router restarted again at 3 am");
		assertThat(textsOnCase(second)).hasSize(2); // and the proposed resolution sent
		assertThat(get("/api/cases/" + second).get("summary").get("status").asString())
			.isEqualTo("awaiting_confirmation");
		assertThat(this.jdbc.sql("select count(*) from contact_moves where contact_id = cast(? as uuid)")
			.param(contactId)
			.query(Long.class)
			.single()).isOne();
	}

}
