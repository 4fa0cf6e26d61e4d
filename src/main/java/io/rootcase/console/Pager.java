package io.rootcase.console;

/**
 * One page of a listing: which page, how many pages and which rows it shows. A page asked
 * for beyond the last (the queue shrank since the link was made) shows the last one.
 *
 * @param page from 1
 * @param pages at least 1, also when nothing matches
 * @param total rows over all pages
 * @param size rows per page
 */
// Its methods are public for the templates' expressions, which see public methods only.
record Pager(int page, int pages, long total, int size) {

	static Pager of(Integer requested, long total, int size) {
		int pages = (int) Math.max(1, (total + size - 1) / size);
		int page = requested == null ? 1 : Math.clamp(requested, 1, pages);
		return new Pager(page, pages, total, size);
	}

	public int offset() {
		return (this.page - 1) * this.size;
	}

	/** The first row shown, from 1; 0 when nothing matches. */
	public long first() {
		return this.total == 0 ? 0 : offset() + 1;
	}

	public long last() {
		return Math.min(this.total, (long) this.page * this.size);
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < this.pages;
	}

}
