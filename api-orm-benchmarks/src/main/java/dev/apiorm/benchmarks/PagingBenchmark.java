package dev.apiorm.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Iterating 10,000 records in pages of 100 through api-orm ({@code flux()} and
 * {@code stream()}) against only downloading the same pages one after another
 * ({@code download}), from a Reactor Netty server on 127.0.0.1 that answers each page
 * after {@code latencyMs}. With one page of look-ahead the iteration should take about
 * the time of the download: decoding overlaps the next page's round trip.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xmx256m" })
public class PagingBenchmark {

	private static final int TOTAL = 10_000;

	private static final int PAGE = 100;

	@Param({ "0", "5" })
	public int latencyMs;

	private DisposableServer server;

	private ApiOrm orm;

	private ReactiveApiRepository<Customer> reactiveCustomers;

	private ApiRepository<Customer> customers;

	private WebClient webClient;

	private List<String> pageUrls;

	@Setup(Level.Trial)
	public void start() {
		byte[][] pages = new byte[TOTAL / PAGE][];
		for (int page = 0; page < pages.length; page++) {
			pages[page] = page(page).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			String uri = request.uri();
			int offset = uri.contains("offset=") ? Integer.parseInt(uri.substring(uri.indexOf("offset=") + 7)) : 0;
			Mono<byte[]> body = Mono.just(pages[offset / PAGE]);
			return response.header("Content-Type", "application/json")
				.sendByteArray((this.latencyMs > 0) ? body.delayElement(Duration.ofMillis(this.latencyMs)) : body);
		}).bindNow();
		String base = "http://127.0.0.1:" + this.server.port();
		this.orm = ApiOrm.builder().baseUrl(base).pageSize(PAGE).build();
		this.reactiveCustomers = this.orm.reactiveRepository(Customer.class);
		this.customers = this.orm.repository(Customer.class);
		this.webClient = WebClient.builder()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(1 << 20))
			.build();
		this.pageUrls = java.util.stream.IntStream.range(0, TOTAL / PAGE)
			.mapToObj(
					(page) -> base + "/api/v1/customers/?limit=" + PAGE + ((page > 0) ? "&offset=" + page * PAGE : ""))
			.toList();
	}

	private String page(int page) {
		int next = (page + 1) * PAGE;
		return Upstream.page(page * PAGE, PAGE, TOTAL,
				(next < TOTAL) ? "/api/v1/customers/?limit=" + PAGE + "&offset=" + next : null);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.orm.close();
		this.server.disposeNow();
	}

	/** Only the bytes: every page fetched in turn, nothing decoded. */
	@Benchmark
	public long download() {
		return Flux.fromIterable(this.pageUrls)
			.concatMap((url) -> this.webClient.get().uri(url).retrieve().bodyToMono(byte[].class))
			.map((body) -> (long) body.length)
			.reduce(0L, Long::sum)
			.blockOptional()
			.orElseThrow();
	}

	/** Every record decoded into a Customer, through the reactive query set. */
	@Benchmark
	public long flux() {
		return this.reactiveCustomers.all().flux().count().blockOptional().orElseThrow();
	}

	/** Every record decoded into a Customer, through the blocking stream. */
	@Benchmark
	public long stream() {
		try (java.util.stream.Stream<Customer> records = this.customers.all().stream()) {
			return records.count();
		}
	}

}
