package dev.apiorm.conformance;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.apiorm.ApiOrm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 records through {@code stream()} and {@code flux()} with 100 records a page, on
 * LimitOffset and PageNumber pagination: every record once and in order, in a heap of 96
 * MB (Failsafe's {@code -Xmx96m}), with the live heap after collection checked while
 * iterating.
 */
class PagingAtScaleIT {

	static final int TOTAL = 10_000;

	static ApiOrm orm;

	@BeforeAll
	static void start() {
		DrfServer server = DrfServer.get();
		orm = server.client().pageSize(100).build();
		assertThat(server.truth("/api/v1/records/?limit=1").get("count").asInt()).isEqualTo(TOTAL);
	}

	@AfterAll
	static void close() {
		orm.close();
	}

	@Test
	void streamOnLimitOffset() {
		try (Stream<Entry> records = orm.repository(Entry.class).all().stream()) {
			assertInOrder(records.mapToInt(Entry::seq));
		}
	}

	@Test
	void streamOnPageNumber() {
		try (Stream<PagedEntry> records = orm.repository(PagedEntry.class).all().stream()) {
			assertInOrder(records.mapToInt(PagedEntry::seq));
		}
	}

	@Test
	void fluxOnLimitOffset() {
		assertInOrder(orm.reactiveRepository(Entry.class)
			.all()
			.flux()
			.map(Entry::seq)
			.toStream(100)
			.mapToInt(Integer::intValue));
	}

	@Test
	void fluxOnPageNumber() {
		AtomicInteger expected = new AtomicInteger();
		Long count = orm.reactiveRepository(PagedEntry.class)
			.all()
			.flux()
			.doOnNext((record) -> assertThat(record.seq()).isEqualTo(expected.getAndIncrement()))
			.count()
			.block();
		assertThat(count).isEqualTo(TOTAL);
	}

	private static void assertInOrder(java.util.stream.IntStream seqs) {
		AtomicInteger expected = new AtomicInteger();
		AtomicLong maxLiveHeap = new AtomicLong();
		seqs.forEach((seq) -> {
			assertThat(seq).isEqualTo(expected.getAndIncrement());
			if (seq % 2500 == 0) {
				System.gc();
				maxLiveHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
						Math::max);
			}
		});
		assertThat(expected.get()).isEqualTo(TOTAL);
		System.out.println("PagingAtScaleIT: " + TOTAL + " records, largest live heap after GC "
				+ maxLiveHeap.get() / 1024 + " KiB (-Xmx96m)");
		// Far below what holding 10,000 records and their JSON would take on top of the
		// test JVM itself.
		assertThat(maxLiveHeap.get()).isLessThan(64L * 1024 * 1024);
	}

}
