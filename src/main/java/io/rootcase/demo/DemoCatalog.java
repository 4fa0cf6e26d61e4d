package io.rootcase.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What customers of Northwind Fibre, an internet-and-TV provider, contact us about, in
 * their own words, and what agents do about it. Every reason has many phrasings so the
 * demo's texts read like real traffic, not one template per reason.
 */
final class DemoCatalog {

	private DemoCatalog() {
	}

	/**
	 * A contact reason of the demo business.
	 *
	 * @param key stable label carried by generated contacts (used later as training data)
	 * @param team the team that owns the permanent fix
	 * @param weight relative frequency in normal traffic
	 * @param openings how customers first describe it ({placeholders} are filled in)
	 * @param followUps how they write when it comes back or is not fixed
	 * @param replies what agents answer
	 * @param diagnostics tests and questions agents run
	 * @param palliatives what eases the symptom
	 * @param curatives what removes the cause
	 */
	record Reason(String key, String team, double weight, List<String> openings, List<String> followUps,
			List<String> replies, List<String> diagnostics, List<String> palliatives, List<String> curatives) {
	}

	/**
	 * A reason's display name from its key: {@code slow_speed} is "Slow speed",
	 * {@code tv_no_signal} "TV no signal".
	 */
	static String title(String key) {
		String words = key.replace('_', ' ').replaceAll("\\btv\\b", "TV").replaceAll("\\bwifi\\b", "Wi-Fi");
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	static final String SURGE_REASON = "billing_proration_error";

	/** The demo knowledge base's root cause behind each contact reason that has one. */
	static final Map<String, String> CAUSES = Map.ofEntries(
			Map.entry("internet_drops_evening", "router_firmware_watchdog"),
			Map.entry("slow_speed", "wrong_speed_profile"), Map.entry("outage_no_connection", "area_fibre_cut"),
			Map.entry(SURGE_REASON, "billing_proration_bug"), Map.entry("billing_dispute", "addon_added_in_error"),
			Map.entry("payment_failed", "bank_mandate_outdated"), Map.entry("tv_no_signal", "tv_entitlement_sync"),
			Map.entry("router_setup_instructions", "setup_guide_error"),
			Map.entry("delivery_tracking", "courier_tracking_feed"),
			Map.entry("technician_appointment", "technician_scheduling_gap"),
			Map.entry("wifi_coverage", "mesh_coverage_gap"), Map.entry("account_login", "login_2fa_old_number"));

	static final List<Reason> REASONS = List.of(new Reason("internet_drops_evening", "support", 14, List.of(
			"My internet keeps dropping every evening around {hour}. It comes back after a few minutes but it's driving me mad.",
			"The connection cuts out almost every night, usually between {hour} and 11pm. Daytime is fine.",
			"wifi disconnects constantly in the evenings, cant watch anything. router lights go orange then green again",
			"Since {weekday} my broadband drops out several times each evening. I work from home some evenings so this is a real problem.",
			"Every night the internet goes down for 2-3 minutes at a time. I've counted {count} drops last night alone.",
			"Hi, we lose internet nearly every evening. The {device} restarts itself I think. Can someone look at the line?",
			"Connection unstable after 7pm, video calls freeze and then drop completely. Plan is {plan}.",
			"The internet drops in the evening when everyone is home. Mornings are perfect. What is going on?"),
			List.of("It happened again last night, dropped {count} times. I already restarted the router like you said.",
					"Still dropping every evening. The reset did nothing, this is the {ordinal} time I'm contacting you about this.",
					"Back again - same problem as before, internet cuts out in the evenings. Please don't tell me to reset the router again.",
					"The fix only lasted a few days. Evening disconnections are back."),
			List.of("Thanks for reporting this. I can see several reconnects on your line in the evenings; let's start by restarting the {device}.",
					"Sorry about the drops. I've run a remote check and will update you once I know more.",
					"Thank you for your patience. We've pushed a fix to your router; please let us know if the drops continue."),
			List.of("Remote line test", "Checked router event log for evening reconnects",
					"Asked customer which devices drop and when"),
			List.of("Remote router reset", "Asked customer to power-cycle the router",
					"Switched Wi-Fi channel to reduce interference"),
			List.of("Pushed router firmware 4.2.1 (fixes evening watchdog reboot)", "Replaced faulty router",
					"Repaired corroded line joint at the street cabinet")),
			new Reason("slow_speed", "support", 10, List.of(
					"I'm paying for {plan} but speed tests show about {speed} Mbps. That's nowhere near what I was sold.",
					"Internet has been really slow for a week. Pages take ages to load and streaming buffers.",
					"speeds are terrible. {speed}mbps on a wired connection. fix it please",
					"Download speed dropped a lot since {weekday}. Upload seems ok. Plan {plan}, router {device}.",
					"My speed is much lower than advertised, especially upstairs. Is there a problem in my area?",
					"Can you check my line? Speedtest says {speed} down, used to be way more."),
					List.of("Still slow. Speed test just now: {speed} Mbps.",
							"Speeds went back to being slow after a couple of days.",
							"Nothing changed, still getting a fraction of what I pay for."),
					List.of("I've checked your line profile and will run a speed test from our side.",
							"Thanks, I can see the line is synced lower than it should be. I'm looking into it.",
							"We've re-provisioned your line; please run a wired speed test and let us know."),
					List.of("Remote speed test from exchange", "Checked line sync rate",
							"Asked for wired speed test results"),
					List.of("Router reset", "Moved customer to a less congested Wi-Fi band"),
					List.of("Re-provisioned line profile to the correct plan speed",
							"Fixed port misconfiguration at exchange")),
			new Reason("outage_no_connection", "support", 7,
					List.of("No internet at all since {hour} this morning. All lights on the {device} are red.",
							"Is there an outage in {region}? Nothing works, no internet, no TV.",
							"Completely offline. Neighbours have the same problem. When will it be back?",
							"our connection is totally dead. tried restarting twice already",
							"No service since yesterday evening. I need it for work, please escalate."),
					List.of("Still no connection. It's been more than a day now.",
							"Down again this morning, same as last week."),
					List.of("There is a known outage in {region}; engineers are on site and we expect service back within a few hours.",
							"I've checked and your line is not syncing. I'm booking an engineer check."),
					List.of("Checked outage map for region", "Line sync check"),
					List.of("Informed customer of outage and ETA", "Credited one day of service"),
					List.of("Repaired fibre cut in the area", "Replaced failed optical network terminal")),
			new Reason(SURGE_REASON, "finance", 3, List.of(
					"My bill this month is {amount} higher than usual. I changed plans on the {day} and it looks like I was charged for both plans.",
					"I upgraded to {plan} mid-month and now I've been billed twice for the same period. Please correct this.",
					"Why is my invoice so high? I was charged the full month for the old plan AND the new one.",
					"Hi, the bill after my plan change doesn't add up. The partial month is wrong, I'm overcharged by about {amount}.",
					"Double charge on my latest bill after switching plans. I want a refund.",
					"@NorthwindFibre you charged me twice after I changed my package!! {amount} extra this month",
					"The prorated amount on my bill is wrong - it should be a few days of the old plan, not a whole month.",
					"Just got my bill and it's way more than expected. Something went wrong when I changed plan."),
					List.of("I got credited last time but this month's bill is wrong again.",
							"Again overcharged after the plan change. The credit didn't fix the underlying problem.",
							"This is the {ordinal} time I'm writing about the wrong bill. Please actually fix it."),
					List.of("I'm sorry about this. I can see the proration for your plan change was calculated for the full month; I've raised it with our billing team.",
							"Thanks for flagging this. I've applied a credit of {amount} to your account while Finance looks into the calculation.",
							"Our billing team has corrected the invoice; you'll see the corrected amount on your next bill."),
					List.of("Checked billing ledger for plan-change proration",
							"Compared invoice against plan-change date"),
					List.of("Applied one-off bill credit", "Refunded the overcharged amount"),
					List.of("Finance corrected the proration rule and reissued the invoice")),
			new Reason("billing_dispute", "finance", 6,
					List.of("There's a charge of {amount} on my bill I don't recognise. What is it for?",
							"I was charged a late fee but I paid on time on the {day}.",
							"My bill says I have premium sports but I never ordered it.",
							"Can you explain the equipment fee on my last invoice? Nobody told me about it.",
							"I think I've been overcharged for calls, I hardly use the landline."),
					List.of("I still haven't had an answer about the charge on my bill.",
							"The disputed charge is on this month's bill again."),
					List.of("Thanks, I'm looking at your account now and will explain each line of the bill.",
							"I've reviewed the charge and removed it; the credit will show on your next invoice."),
					List.of("Reviewed invoice line items", "Checked payment history"),
					List.of("Applied goodwill credit"),
					List.of("Removed incorrectly added add-on", "Corrected late fee rule")),
			new Reason("payment_failed", "finance", 4,
					List.of("My direct debit failed and now I have a warning letter. The money was in the account.",
							"Payment page keeps giving an error when I try to pay by card.",
							"I changed bank account and my payment bounced. How do I update the details?",
							"Why was my payment declined? Card works everywhere else."),
					List.of("Payment failed again this month.", "Still can't pay, same error as before."),
					List.of("I've checked and the payment attempt was rejected by the bank; I've paused any late fee.",
							"You can update your bank details in My Account; I've also sent you a secure link."),
					List.of("Checked payment gateway log"), List.of("Waived late fee", "Took payment over the phone"),
					List.of("Updated mandate with new bank details")),
			new Reason("tv_no_signal", "support", 6,
					List.of("The TV box says 'no signal' on most channels since {weekday}.",
							"TV keeps freezing and pixelating, especially on HD channels.",
							"Half my channels have disappeared from the TV guide.",
							"set top box stuck on loading screen, tried unplugging it",
							"No picture on the TV service but internet works fine."),
					List.of("TV lost signal again tonight.", "The channels disappeared again after the box updated."),
					List.of("Sorry about the TV trouble. Let's start with a channel rescan; I'll send you the steps.",
							"I've refreshed your TV entitlements from our side. Please restart the box."),
					List.of("Checked TV entitlements", "Remote box diagnostics"),
					List.of("Restarted TV box remotely", "Guided channel rescan"),
					List.of("Replaced faulty set-top box", "Fixed entitlement sync for customer's package")),
			new Reason("router_setup_instructions", "product", 5, List.of(
					"The setup guide for the new {device} doesn't match what I see. Step 4 mentions a WPS button that isn't there.",
					"I can't get the new router working, the instructions are confusing. Which cable goes where?",
					"The quick start leaflet says to use the grey port but there isn't one.",
					"Trying to set up the mesh extenders, the app instructions are wrong.",
					"How do I change the wifi password? The manual says one thing, the app another."),
					List.of("Followed the instructions again and it still doesn't work.",
							"Same problem setting up, the guide is still wrong."),
					List.of("Thanks, the printed guide for that model has an error: please use the yellow port labelled WAN.",
							"I'll walk you through the setup step by step."),
					List.of("Asked for router model and port photos"),
					List.of("Walked customer through setup by phone"),
					List.of("Product team corrected the quick-start guide and app instructions")),
			new Reason("delivery_tracking", "shipping", 4, List.of(
					"My router was supposed to arrive {weekday} but the tracking link says 'delivered' and I have nothing.",
					"The tracking number you sent doesn't work on the courier's site.",
					"Where is my equipment? Tracking hasn't updated in 5 days.",
					"Tracking shows my parcel was delivered to a different town.",
					"I was told the technician kit would be here by today, tracking says returned to sender?"),
					List.of("Still no parcel and tracking still says delivered.",
							"The new tracking number doesn't work either."),
					List.of("Sorry about this, I've contacted the courier and will update you.",
							"I've arranged a replacement to be sent by express delivery."),
					List.of("Checked courier system for parcel status"), List.of("Sent replacement by express"),
					List.of("Shipping fixed the tracking feed mapping with the courier")),
			new Reason("technician_appointment", "support", 4,
					List.of("The technician didn't show up today. I took the day off for this.",
							"I need to reschedule my engineer appointment on {weekday}.",
							"Nobody came for the installation. What happened?",
							"Can I get an earlier technician appointment? I've been without internet for days."),
					List.of("The technician missed the appointment again.",
							"Still waiting for someone to come and fix it."),
					List.of("I'm sorry the technician didn't arrive. I've booked a new priority slot.",
							"Your appointment has been moved; you'll get a text the day before."),
					List.of("Checked field-service schedule"), List.of("Booked technician visit"),
					List.of("Technician completed repair on site")),
			new Reason("plan_change_request", "support", 6,
					List.of("I'd like to upgrade to {plan}. What does it cost?",
							"Can I add the TV package to my broadband?",
							"I want to downgrade my plan, I don't need that much speed.",
							"What's the best deal for switching to fibre 1000?"),
					List.of("Any update on my plan change?"),
					List.of("Happy to help! I've set up the change from your next billing date.",
							"Here are the options for your address; let me know which you'd like."),
					List.of("Checked availability at address"), List.of(), List.of("Changed plan as requested")),
			new Reason("cancellation", "support", 3,
					List.of("I want to cancel my contract. I'm moving abroad.",
							"Please cancel my service, too many outages.",
							"How do I terminate my contract and return the equipment?"),
					List.of("I asked to cancel weeks ago and I'm still being billed."),
					List.of("Sorry to see you go. I've scheduled the cancellation and sent a returns label.",
							"Before you go, can I help with the problems you've had?"),
					List.of("Checked contract end date"), List.of("Offered retention discount"),
					List.of("Processed cancellation and sent returns label")),
			new Reason("wifi_coverage", "support", 5,
					List.of("Wi-Fi doesn't reach the upstairs bedrooms.", "Weak wifi signal in the garden office.",
							"Do you sell extenders? Coverage in my flat is poor.",
							"The wifi is fine next to the router but dead two rooms away."),
					List.of("Coverage still bad even with the extender."),
					List.of("A mesh extender should help; I can send one out.",
							"Try moving the router off the floor and away from the TV."),
					List.of("Asked about house layout and router position"), List.of("Changed Wi-Fi channel"),
					List.of("Installed mesh extender")),
			new Reason("account_login", "support", 4,
					List.of("I can't log in to My Account, password reset email never arrives.",
							"Locked out of the app after too many attempts.",
							"How do I change the email address on my account?",
							"Two-factor code is going to my old phone number."),
					List.of("Still can't log in."),
					List.of("I've reset your login and sent a new link.", "I've updated your contact details."),
					List.of("Checked account security log"), List.of("Unlocked account"),
					List.of("Updated login email and phone")));

	/**
	 * A problem new in the demo's last days that no contact reason and no known root
	 * cause covers: the home phone service's calls break up since a firmware push. Its
	 * cases end with the root cause found unknown, so trends group them as an emerging
	 * problem.
	 */
	static final Reason EMERGING = new Reason("home_phone_echo", "product", 0,
			List.of("Since {weekday} my home phone line has a loud echo and callers say they can't hear me.",
					"Loud echo on my home phone calls since the router update.",
					"Every call on my home phone echoes, callers hear themselves twice.",
					"The home phone line echoes so badly that calls are useless now.",
					"Phone calls through the router have a terrible echo since the last update."),
			List.of("The phone line is still echoing.", "Still a loud echo on every home phone call."),
			List.of("Sorry about the phone line. I've restarted the voice service on your router; please try a call.",
					"I've logged the call quality problem and reset your phone line from our side."),
			List.of("Checked voice line registration", "Ran a test call to the customer's line"),
			List.of("Restarted voice service on the router", "Reset the phone line remotely"), List.of());

	/**
	 * What diagnosing the emerging problem finds with the demo's knowledge base, which
	 * has no cause for it: the line is up and tests clean, the router's firmware is
	 * current (the echo came with an update), nothing happens only at night.
	 */
	static Map<String, String> emergingFindings(SplittableRandom r) {
		Map<String, String> answers = new LinkedHashMap<>();
		answers.put("total_loss", "no");
		answers.put("line_test", r.nextDouble() < 0.85 ? "pass" : "noisy");
		answers.put("firmware_version", r.nextDouble() < 0.9 ? "current" : "old");
		answers.put("evening_only", r.nextDouble() < 0.85 ? "no" : "yes");
		answers.put("neighbours_affected", r.nextDouble() < 0.6 ? "dont_know" : "no");
		return answers;
	}

	static final List<String> OPENERS = List.of("", "", "", "Hello, ", "Hi, ", "Good morning. ", "Hi there. ", "Hey, ",
			"Dear Northwind, ");

	static final List<String> CLOSERS = List.of("", "", "", " Thanks.", " Thank you.", " Please help.",
			" Regards, {first}", " Can someone call me back?", " This is getting frustrating.");

	static final List<String> FIRST_NAMES = List.of("Ana", "Ben", "Chloe", "David", "Elif", "Farid", "Grace", "Hugo",
			"Ines", "Jonas", "Keiko", "Liam", "Maya", "Noah", "Olga", "Pavel", "Quinn", "Rosa", "Samir", "Tara", "Umar",
			"Vera", "Wei", "Ximena", "Yusuf", "Zoe", "Aisha", "Bruno", "Carmen", "Dmitri", "Emma", "Felix", "Gita",
			"Hana", "Ivan", "Julia", "Kofi", "Lena", "Marco", "Nadia");

	static final List<String> LAST_NAMES = List.of("Silva", "Okafor", "Martin", "Kowalski", "Yilmaz", "Haddad", "Chen",
			"Dubois", "Garcia", "Berg", "Tanaka", "Murphy", "Patel", "Schmidt", "Ivanova", "Novak", "Byrne", "Rossi",
			"Nasser", "Lindqvist", "Mensah", "Costa", "Wong", "Lopez", "Demir", "Fischer", "Khan", "Moreau", "Santos",
			"Nguyen");

	static final List<String> PLANS = List.of("Fibre 100", "Fibre 500", "Fibre 1000", "Fibre 500 + TV");

	static final List<String> REGIONS = List.of("North", "South", "East", "West", "Central");

	static final List<String> DEVICES = List.of("HX-200 router", "HX-300 router", "MeshPro kit");

	static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
			"Sunday");

	static final List<String> ORDINALS = List.of("second", "third", "fourth", "fifth");

}
