package dev.apiorm.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Iterates 1,000,000 records in pages of 1,000 through {@code flux()} and
 * {@code stream()} (every record change-tracked; a mutable bean's fields fingerprinted
 * too), side by side with raw WebClient fetching the same pages one after the other, as
 * bytes only and decoded into a page type. Run it with a small heap to show that
 * iteration holds at most two pages, tracking included ({@code -Duntracked=true} turns
 * tracking off):
 * {@code java -Xmx64m -cp "$(cat api-orm-benchmarks/target/classpath.txt):api-orm-benchmarks/target/classes"
 * dev.apiorm.benchmarks.StreamingBenchmark [--rounds 3]}.
 */
public final class StreamingBenchmark {

	private static final int TOTAL = 1_000_000;

	private static final int PAGE = 1_000;

	private StreamingBenchmark() {
	}

	public static void main(String[] args) {
		int rounds = (args.length == 2 && args[0].equals("--rounds")) ? Integer.parseInt(args[1]) : 3;
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(LoopResources.create("upstream", 1, true))
			.handle((request, response) -> {
				String uri = request.uri();
				int offset = uri.contains("offset=") ? Integer.parseInt(uri.substring(uri.indexOf("offset=") + 7)) : 0;
				int next = offset + PAGE;
				String body = Upstream.page(offset, PAGE, TOTAL,
						(next < TOTAL) ? "/api/v1/customers/?limit=" + PAGE + "&offset=" + next : null);
				return response.header("Content-Type", "application/json")
					.sendByteArray(Mono.fromSupplier(() -> body.getBytes(StandardCharsets.UTF_8)));
			})
			.bindNow();
		String base = "http://127.0.0.1:" + server.port();
		WebClient webClient = WebClient.builder()
			.baseUrl(base)
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
			.build();
		// --untracked: without change tracking of the records handed out, to show what it
		// costs.
		boolean tracked = !Boolean.getBoolean("untracked");
		try (ApiOrm orm = ApiOrm.builder()
			.baseUrl(base)
			.pageSize(PAGE)
			.maxResponseSize(4 * 1024 * 1024)
			.saveChangedFields(tracked)
			.build();
				ApiOrm unverified = ApiOrm.builder()
					.baseUrl(base)
					.pageSize(PAGE)
					.maxResponseSize(4 * 1024 * 1024)
					.verifyResults(false)
					.saveChangedFields(tracked)
					.build()) {
			ReactiveApiRepository<Customer> reactive = orm.reactiveRepository(Customer.class);
			ApiRepository<Customer> blocking = orm.repository(Customer.class);
			List<String> names = List.of("webclient bytes", "webclient decoded", "flux()", "stream()",
					"flux() 4 lookups + ordering, verified", "the same, verify-results=false",
					"flux() of a mutable bean");
			List<LongSupplier> runs = List.of(
					() -> pages(webClient, byte[].class).map((body) -> (long) body.length)
						.reduce(0L, Long::sum)
						.block(),
					() -> pages(webClient, LoadBenchmark.CustomerPage.class).map((page) -> (long) page.results().size())
						.reduce(0L, Long::sum)
						.block(),
					() -> reactive.all().flux().count().block(), () -> {
						try (Stream<Customer> records = blocking.all().stream()) {
							return records.count();
						}
					}, () -> filtered(reactive), () -> filtered(unverified.reactiveRepository(Customer.class)),
					() -> orm.reactiveRepository(MutableCustomer.class).all().flux().count().block());
			runs.forEach(LongSupplier::getAsLong);
			List<List<Double>> seconds = new ArrayList<>();
			List<List<Double>> cpu = new ArrayList<>();
			names.forEach((name) -> {
				seconds.add(new ArrayList<>());
				cpu.add(new ArrayList<>());
			});
			for (int round = 0; round < rounds; round++) {
				for (int i = 0; i < runs.size(); i++) {
					long start = System.nanoTime();
					long cpuStart = LoadBenchmark.clientCpuNanos();
					long result = runs.get(i).getAsLong();
					seconds.get(i).add((System.nanoTime() - start) / 1e9);
					cpu.get(i).add((LoadBenchmark.clientCpuNanos() - cpuStart) / 1e9);
					if (i >= 2 && result != TOTAL) {
						throw new IllegalStateException(names.get(i) + " saw " + result + " records");
					}
				}
			}
			System.out.printf(Locale.ROOT, "%n%,d records in pages of %,d, median of %d rounds, max heap %d MB%n",
					TOTAL, PAGE, rounds, Runtime.getRuntime().maxMemory() / (1024 * 1024));
			System.out.println("| run | seconds | vs bytes | vs decoded | client CPU s |");
			System.out.println("|---|---:|---:|---:|---:|");
			double bytes = median(seconds.get(0));
			double decoded = median(seconds.get(1));
			for (int i = 0; i < names.size(); i++) {
				double median = median(seconds.get(i));
				System.out.printf(Locale.ROOT, "| %s | %.2f | %.2fx | %.2fx | %.2f |%n", names.get(i), median,
						median / bytes, median / decoded, median(cpu.get(i)));
			}
			double verified = median(cpu.get(4));
			double unchecked = median(cpu.get(5));
			System.out.printf(Locale.ROOT,
					"verification: %.0f ns of client CPU per record (4 lookups and the ordering), decoding: %.0f ns%n",
					(verified - unchecked) * 1e9 / TOTAL, unchecked * 1e9 / TOTAL);
		}
		finally {
			server.disposeNow();
		}
	}

	/**
	 * A query every record matches, so that each record is checked against four lookups
	 * and the ordering.
	 */
	private static long filtered(ReactiveApiRepository<Customer> customers) {
		return customers.filter("active", true)
			.filter("age__gte", 20)
			.filter("email__icontains", "@EXAMPLE.com")
			.filter("role__in", List.of("member", "staff"))
			.orderBy("id")
			.flux()
			.count()
			.blockOptional()
			.orElse(0L);
	}

	private static <P> Flux<P> pages(WebClient webClient, Class<P> type) {
		return Flux.range(0, TOTAL / PAGE)
			.concatMap((page) -> webClient.get()
				.uri("/api/v1/customers/?limit=" + PAGE + ((page > 0) ? "&offset=" + page * PAGE : ""))
				.retrieve()
				.bodyToMono(type));
	}

	private static double median(List<Double> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

}
