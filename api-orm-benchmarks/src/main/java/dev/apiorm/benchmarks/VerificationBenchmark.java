package dev.apiorm.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.apiorm.Q;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.query.RecordMatcher;
import dev.apiorm.query.RecordOrdering;

/**
 * The CPU that checking a record against a query costs, per record: four lookups (a
 * boolean, a number, a case-insensitive text search, an {@code in}) and an ordering by
 * id, over 1,000 decoded records, as {@code verify-results} checks each page. Run:
 * {@code java -cp "$CP" org.openjdk.jmh.Main VerificationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VerificationBenchmark {

	private static final int RECORDS = 1_000;

	private final List<Customer> page = new ArrayList<>();

	private RecordMatcher<Customer> matcher;

	private RecordOrdering<Customer> ordering;

	@Setup(Level.Trial)
	public void prepare() {
		for (int i = 0; i < RECORDS; i++) {
			this.page.add(new Customer((long) i + 1, "Customer " + i, "customer" + i + "@example.com", "member",
					20 + i % 50, true, "2026-11-24T06:00:00.000000Z"));
		}
		ApiPersistentEntity<Customer> entity = new ApiMappingContext().getRequiredEntity(Customer.class);
		Q query = Q.of("active", true)
			.and(Q.of("age__gte", 20))
			.and(Q.of("email__icontains", "@EXAMPLE.com"))
			.and(Q.of("role__in", List.of("member", "staff")));
		this.matcher = RecordMatcher.of(query, entity.getRecordFields());
		this.ordering = RecordOrdering.of(List.of("id"), entity.getRecordFields());
	}

	@Benchmark
	@OperationsPerInvocation(RECORDS)
	public void fourLookupsAndAnOrdering(Blackhole blackhole) {
		Customer previous = null;
		for (Customer record : this.page) {
			blackhole.consume(this.matcher.test(record));
			if (previous != null) {
				blackhole.consume(this.ordering.inOrder(previous, record));
			}
			previous = record;
		}
	}

}
