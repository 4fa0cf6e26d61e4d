package io.rootcase.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} options of a benchmark, with the names it accepts.
 */
record Options(Map<String, String> values) {

	static Options parse(String[] args) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("options are --name value pairs; got '" + args[i] + "'");
			}
			values.put(args[i].substring(2), args[++i]);
		}
		return new Options(values);
	}

	Options allow(Set<String> names) {
		for (String name : this.values.keySet()) {
			if (!names.contains(name)) {
				throw new IllegalArgumentException("unknown option --" + name + "; known: " + names);
			}
		}
		return this;
	}

	int integer(String name, int fallback) {
		String value = this.values.get(name);
		try {
			return value == null ? fallback : Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " takes a whole number, not '" + value + "'");
		}
	}

	double decimal(String name, double fallback) {
		String value = this.values.get(name);
		try {
			return value == null ? fallback : Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " takes a number, not '" + value + "'");
		}
	}

	String text(String name, String fallback) {
		return this.values.getOrDefault(name, fallback);
	}

}
