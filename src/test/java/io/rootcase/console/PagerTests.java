package io.rootcase.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PagerTests {

	@Test
	void aPageShowsItsOwnRowsOfTheTotal() {
		Pager second = Pager.of(2, 120, 50);

		assertThat(second.pages()).isEqualTo(3);
		assertThat(second.offset()).isEqualTo(50);
		assertThat(second.first()).isEqualTo(51);
		assertThat(second.last()).isEqualTo(100);
		assertThat(second.hasPrevious()).isTrue();
		assertThat(second.hasNext()).isTrue();
	}

	@Test
	void theLastPageEndsAtTheTotalAndHasNoNext() {
		Pager last = Pager.of(3, 120, 50);

		assertThat(last.first()).isEqualTo(101);
		assertThat(last.last()).isEqualTo(120);
		assertThat(last.hasNext()).isFalse();
	}

	@Test
	void aPageBeyondTheLastShowsTheLastAndOneBeforeTheFirstShowsTheFirst() {
		assertThat(Pager.of(9, 120, 50).page()).isEqualTo(3);
		assertThat(Pager.of(0, 120, 50).page()).isEqualTo(1);
		assertThat(Pager.of(-4, 120, 50).page()).isEqualTo(1);
		assertThat(Pager.of(null, 120, 50).page()).isEqualTo(1);
	}

	@Test
	void nothingToShowIsOnePageWithNoRows() {
		Pager empty = Pager.of(1, 0, 50);

		assertThat(empty.pages()).isEqualTo(1);
		assertThat(empty.first()).isZero();
		assertThat(empty.last()).isZero();
		assertThat(empty.hasPrevious()).isFalse();
		assertThat(empty.hasNext()).isFalse();
	}

}
