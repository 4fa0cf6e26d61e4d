package io.rootcase.problems;

import java.util.Map;

import io.rootcase.shared.Channel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a problem costs the organisation: a rate per contact by channel (a call costs more
 * than a web form) and per agent minute, in the organisation's currency.
 */
@ConfigurationProperties("rootcase.problems.cost")
record CostRates(Map<Channel, Double> perContact, double perAgentMinute) {

	CostRates {
		perContact = perContact == null ? Map.of() : Map.copyOf(perContact);
	}

	double ofContacts(Channel channel, long contacts) {
		return this.perContact.getOrDefault(channel, 0.0) * contacts;
	}

}
