package io.rootcase.intake;

import java.util.List;

import io.rootcase.shared.InvalidRequestException;

/**
 * A contact (or a batch, or a file) that cannot be taken in; nothing was stored.
 */
public class InvalidContactException extends InvalidRequestException {

	private final List<ItemViolations> items;

	public InvalidContactException(List<ItemViolations> items) {
		super(summary(items), problems(items));
		this.items = List.copyOf(items);
	}

	private static List<Problem> problems(List<ItemViolations> items) {
		return items.stream()
			.flatMap(item -> item.violations()
				.stream()
				.map(v -> new Problem(item.position() < 0 ? null : item.position(), v.field(), v.message())))
			.toList();
	}

	public List<ItemViolations> items() {
		return this.items;
	}

	private static String summary(List<ItemViolations> items) {
		int count = items.stream().mapToInt(i -> i.violations().size()).sum();
		if (count == 1) {
			return items.get(0).violations().get(0).message();
		}
		return items.size() == 1 && items.get(0).position() < 0 ? count + " problems"
				: count + " problems in " + items.size() + (items.size() == 1 ? " item" : " items");
	}

	/**
	 * The violations of one item.
	 *
	 * @param position the item's place: index in a batch, line number in a file, or -1
	 * for a single contact
	 */
	public record ItemViolations(int position, List<Violation> violations) {
	}

}
