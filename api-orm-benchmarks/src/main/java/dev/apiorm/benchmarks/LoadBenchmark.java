package dev.apiorm.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import com.sun.management.OperatingSystemMXBean;
import dev.apiorm.ApiOrm;
import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.core.ApiClientSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.Http2AllocationStrategy;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Side by side in one run: the same detail GETs and list pages (100 records) through raw
 * WebClient, the reactive repository, the reactive repository of a client without change
 * tracking ({@code untracked}) and the blocking repository, 64 in flight, against an
 * in-JVM Reactor Netty upstream on 127.0.0.1 that answers from prepared bytes on its own
 * single event-loop thread. Each round runs every client once, interleaved; the table
 * gives the median of the rounds: throughput, and client CPU per request (the process's
 * CPU time less the upstream's threads), each also as a ratio to raw WebClient, which
 * sends the same requests (with {@code Accept: application/json}, as api-orm does). Raw
 * WebClient with {@code block()} from 64 threads is the like-for-like baseline of the
 * blocking repository.
 * <p>
 * Run:
 * {@code java -cp "$(cat api-orm-benchmarks/target/classpath.txt):api-orm-benchmarks/target/classes"
 * dev.apiorm.benchmarks.LoadBenchmark [--http2] [--rounds 5] [--requests 20000] [--only list]}.
 * With {@code --http2} every client speaks h2c (prior knowledge) to the same upstream.
 * With {@code --observed} every client, raw WebClient included, is observed through one
 * {@link ObservationRegistry} carrying Micrometer's meter handler, as Spring Boot wires
 * it (WebClient's {@code http.client.requests} on both sides, and api-orm's
 * {@code api.orm.requests}). {@code --callers N} sets the blocking callers (64 by
 * default), {@code --virtual} runs them on virtual threads (JDK 21 and later).
 */
public final class LoadBenchmark {

	private static final int IN_FLIGHT = 64;

	private final int callerCount;

	private final boolean observed;

	private final boolean virtual;

	/** The records of a list page. */
	private final int page;

	private final boolean http2;

	private final int requests;

	private final DisposableServer server;

	private final String base;

	private final ApiOrm orm;

	private final WebClient webClient;

	private final ConnectionProvider rawProvider;

	private final ReactiveApiRepository<Customer> reactiveCustomers;

	private final ApiOrm untrackedOrm;

	private final ReactiveApiRepository<Customer> untrackedCustomers;

	private final ApiRepository<Customer> customers;

	private final ApiOrm unverifiedOrm;

	private final ApiOrm unretriedOrm;

	private final ApiOrm unobservedOrm;

	private final ApiOrm singlyObservedOrm;

	private final boolean features;

	private final ExecutorService callers;

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private LoadBenchmark(boolean http2, int requests, int callers, boolean virtual, boolean observed, int pageSize,
			boolean features) {
		this.features = features;
		this.page = pageSize;
		this.http2 = http2;
		this.requests = requests;
		this.callerCount = callers;
		this.observed = observed;
		this.virtual = virtual;
		this.callers = virtual ? virtualThreads() : Executors.newFixedThreadPool(callers, (task) -> {
			Thread thread = new Thread(task, "caller");
			thread.setDaemon(true);
			return thread;
		});
		ObservationRegistry registry = ObservationRegistry.NOOP;
		if (observed) {
			registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
		}
		// The record /api/v1/customers/1/ asks for: the customer of index 0 has id 1.
		byte[] detail = Upstream.customer(0).getBytes(StandardCharsets.UTF_8);
		byte[] page = Upstream.page(0, pageSize, 10_000, null).getBytes(StandardCharsets.UTF_8);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.protocol(HttpProtocol.HTTP11, HttpProtocol.H2C)
			.runOn(LoopResources.create("upstream", 1, true))
			.handle((request, response) -> response.header("Content-Type", "application/json")
				.sendByteArray(Mono.just(request.uri().contains("?") ? page : detail)))
			.bindNow();
		this.base = "http://127.0.0.1:" + this.server.port();
		this.orm = observe(ApiOrm.builder(), registry).baseUrl(this.base).pageSize(pageSize).http2(http2).build();
		this.reactiveCustomers = this.orm.reactiveRepository(Customer.class);
		// The same client without change tracking, run beside it to show what tracking
		// costs.
		this.untrackedOrm = observe(ApiOrm.builder(), registry).baseUrl(this.base)
			.pageSize(pageSize)
			.http2(http2)
			.saveChangedFields(false)
			.optimisticLocking(false)
			.build();
		this.untrackedCustomers = this.untrackedOrm.reactiveRepository(Customer.class);
		this.customers = this.orm.repository(Customer.class);
		// One client per feature switched off, for --features.
		this.unverifiedOrm = observe(ApiOrm.builder(), registry).baseUrl(this.base)
			.pageSize(pageSize)
			.http2(http2)
			.verifyResults(false)
			.build();
		this.unretriedOrm = observe(ApiOrm.builder(), registry).baseUrl(this.base)
			.pageSize(pageSize)
			.http2(http2)
			.retry(new ApiClientSettings.Retry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Set.of(), null))
			.build();
		this.unobservedOrm = ApiOrm.builder().baseUrl(this.base).pageSize(pageSize).http2(http2).build();
		// api.orm.requests only: its WebClient does not observe the exchange again.
		this.singlyObservedOrm = ApiOrm.builder()
			.observationRegistry(registry)
			.baseUrl(this.base)
			.pageSize(pageSize)
			.http2(http2)
			.build();
		ConnectionProvider.Builder provider = ConnectionProvider.builder("raw").maxConnections(100);
		if (http2) {
			provider.allocationStrategy(Http2AllocationStrategy.builder()
				.minConnections(LoopResources.DEFAULT_IO_WORKER_COUNT)
				.maxConnections(100)
				.strictConnectionReuse(true)
				.build());
		}
		this.rawProvider = provider.build();
		HttpClient client = HttpClient.create(this.rawProvider);
		this.webClient = WebClient.builder()
			.observationRegistry(registry)
			.clientConnector(new ReactorClientHttpConnector(http2 ? client.protocol(HttpProtocol.H2C) : client))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();
	}

	/**
	 * An api-orm client observed as Spring Boot wires one: its own observations and its
	 * WebClient's, in one registry.
	 */
	private static ApiOrmBuilder observe(ApiOrmBuilder builder, ObservationRegistry registry) {
		return (registry == ObservationRegistry.NOOP) ? builder : builder.observationRegistry(registry)
			.webClientBuilder(WebClient.builder().observationRegistry(registry));
	}

	/**
	 * A virtual thread per task, looked up so that the benchmark still builds for Java
	 * 17.
	 */
	private static ExecutorService virtualThreads() {
		try {
			return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("--virtual needs JDK 21 or later", ex);
		}
	}

	public static void main(String[] args) throws Exception {
		List<String> options = Arrays.asList(args);
		boolean http2 = options.contains("--http2");
		int rounds = intOption(options, "--rounds", 5);
		int requests = intOption(options, "--requests", 20_000);
		int only = options.indexOf("--only");
		String prefix = (only >= 0) ? options.get(only + 1) : "";
		LoadBenchmark benchmark = new LoadBenchmark(http2, requests, intOption(options, "--callers", IN_FLIGHT),
				options.contains("--virtual"), options.contains("--observed"), intOption(options, "--page", 100),
				options.contains("--features"));
		try {
			benchmark.run(rounds, prefix);
		}
		finally {
			benchmark.close();
		}
	}

	private static int intOption(List<String> options, String name, int fallback) {
		int index = options.indexOf(name);
		return (index >= 0) ? Integer.parseInt(options.get(index + 1)) : fallback;
	}

	private void run(int rounds, String prefix) throws Exception {
		String detail = this.base + "/api/v1/customers/1/";
		String list = this.base + "/api/v1/customers/?limit=" + this.page;
		Map<String, Scenario> scenarios = new LinkedHashMap<>();
		scenarios.put("detail  webclient",
				reactive((i) -> this.webClient.get()
					.uri(detail)
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.bodyToMono(Customer.class)));
		scenarios.put("detail  reactive", reactive((i) -> this.reactiveCustomers.get(1L)));
		scenarios.put("detail  untracked", reactive((i) -> this.untrackedCustomers.get(1L)));
		if (this.features) {
			ReactiveApiRepository<Customer> unretried = this.unretriedOrm.reactiveRepository(Customer.class);
			scenarios.put("detail  no retries", reactive((i) -> unretried.get(1L)));
			if (this.observed) {
				ReactiveApiRepository<Customer> unobserved = this.unobservedOrm.reactiveRepository(Customer.class);
				scenarios.put("detail  unobserved", reactive((i) -> unobserved.get(1L)));
				ReactiveApiRepository<Customer> single = this.singlyObservedOrm.reactiveRepository(Customer.class);
				scenarios.put("detail  api.orm only", reactive((i) -> single.get(1L)));
			}
		}
		scenarios.put("detail  blocking", blocking((i) -> this.customers.get(1L)));
		scenarios.put("detail  webclient+block",
				blocking((i) -> this.webClient.get()
					.uri(detail)
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.bodyToMono(Customer.class)
					.block()));
		scenarios.put("list    webclient",
				reactive((i) -> this.webClient.get()
					.uri(list)
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.bodyToMono(CustomerPage.class)));
		scenarios.put("list    reactive", reactive((i) -> this.reactiveCustomers.all().limit(this.page).list()));
		scenarios.put("list    untracked", reactive((i) -> this.untrackedCustomers.all().limit(this.page).list()));
		if (this.features) {
			ReactiveApiRepository<Customer> unverified = this.unverifiedOrm.reactiveRepository(Customer.class);
			scenarios.put("list    unverified", reactive((i) -> unverified.all().limit(this.page).list()));
			ReactiveApiRepository<Customer> unretried = this.unretriedOrm.reactiveRepository(Customer.class);
			scenarios.put("list    no retries", reactive((i) -> unretried.all().limit(this.page).list()));
			if (this.observed) {
				ReactiveApiRepository<Customer> unobserved = this.unobservedOrm.reactiveRepository(Customer.class);
				scenarios.put("list    unobserved", reactive((i) -> unobserved.all().limit(this.page).list()));
				ReactiveApiRepository<Customer> single = this.singlyObservedOrm.reactiveRepository(Customer.class);
				scenarios.put("list    api.orm only", reactive((i) -> single.all().limit(this.page).list()));
			}
		}
		scenarios.put("list    blocking", blocking((i) -> this.customers.all().limit(this.page).list()));
		scenarios.put("list    webclient+block",
				blocking((i) -> this.webClient.get()
					.uri(list)
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.bodyToMono(CustomerPage.class)
					.block()));
		scenarios.keySet().removeIf((name) -> !name.startsWith(prefix));
		// Warm-up: every scenario once, at the same size as a measured round.
		for (Scenario scenario : scenarios.values()) {
			scenario.run(this.requests);
		}
		Map<String, List<Result>> results = new LinkedHashMap<>();
		for (int round = 0; round < rounds; round++) {
			for (Map.Entry<String, Scenario> scenario : scenarios.entrySet()) {
				results.computeIfAbsent(scenario.getKey(), (key) -> new ArrayList<>())
					.add(measure(scenario.getValue()));
			}
		}
		print(results, rounds);
	}

	private Result measure(Scenario scenario) throws Exception {
		long allocated = clientAllocatedBytes();
		long cpu = clientCpuNanos();
		long start = System.nanoTime();
		scenario.run(this.requests);
		long wall = System.nanoTime() - start;
		long used = clientCpuNanos() - cpu;
		return new Result(this.requests / (wall / 1e9), used / 1e3 / this.requests,
				(clientAllocatedBytes() - allocated) / 1024.0 / this.requests);
	}

	/**
	 * The bytes allocated by this process's platform threads less the upstream's: unlike
	 * time, it does not move with the machine's load.
	 */
	static long clientAllocatedBytes() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long total = 0;
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && !info.getThreadName().startsWith("upstream")) {
				total += Math.max(0, threads.getThreadAllocatedBytes(info.getThreadId()));
			}
		}
		return total;
	}

	private void print(Map<String, List<Result>> results, int rounds) {
		System.out.printf(Locale.ROOT,
				"%n%s%s, %d in flight, %d %s blocking callers, pages of %d, %d requests per run, median of %d rounds (JDK %s, %d cores)%n",
				this.http2 ? "h2c" : "HTTP/1.1", this.observed ? " observed" : "", IN_FLIGHT, this.callerCount,
				this.virtual ? "virtual" : "platform", this.page, this.requests, rounds,
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT, "| %-23s | %10s | %8s | %14s | %8s | %10s | %8s |%n", "scenario", "req/s",
				"vs raw", "client CPU/req", "vs raw", "alloc/req", "vs raw");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|");
		Result baseline = null;
		for (Map.Entry<String, List<Result>> entry : results.entrySet()) {
			Result median = Result.median(entry.getValue());
			if (entry.getKey().endsWith("webclient") || baseline == null) {
				baseline = median;
			}
			System.out.printf(Locale.ROOT, "| %-23s | %10.0f | %7.2fx | %11.1f us | %7.2fx | %7.1f KB | %7.2fx |%n",
					entry.getKey(), median.throughput(), median.throughput() / baseline.throughput(),
					median.cpuMicros(), median.cpuMicros() / baseline.cpuMicros(), median.allocatedKb(),
					median.allocatedKb() / baseline.allocatedKb());
		}
	}

	private Scenario reactive(IntFunction<Mono<?>> call) {
		return (count) -> Flux.range(0, count).flatMap(call::apply, IN_FLIGHT).then().block();
	}

	private Scenario blocking(IntFunction<Object> call) {
		return (count) -> {
			int callers = this.callerCount;
			CountDownLatch done = new CountDownLatch(callers);
			AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
			for (int caller = 0; caller < callers; caller++) {
				int calls = count / callers + ((caller < count % callers) ? 1 : 0);
				this.callers.execute(() -> {
					try {
						for (int i = 0; i < calls; i++) {
							call.apply(i);
						}
					}
					catch (Throwable ex) {
						failure.compareAndSet(null, ex);
					}
					finally {
						done.countDown();
					}
				});
			}
			done.await();
			if (failure.get() != null) {
				throw new IllegalStateException("A blocking call failed", failure.get());
			}
		};
	}

	/**
	 * The CPU time of this process less that of the upstream's threads.
	 */
	static long clientCpuNanos() {
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long upstream = 0;
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().startsWith("upstream")) {
				upstream += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
			}
		}
		return os.getProcessCpuTime() - upstream;
	}

	private void close() {
		this.callers.shutdownNow();
		this.orm.close();
		this.untrackedOrm.close();
		this.unverifiedOrm.close();
		this.unretriedOrm.close();
		this.unobservedOrm.close();
		this.singlyObservedOrm.close();
		this.rawProvider.disposeLater().block();
		this.server.disposeNow();
	}

	@FunctionalInterface
	private interface Scenario {

		void run(int count) throws Exception;

	}

	private record Result(double throughput, double cpuMicros, double allocatedKb) {

		static Result median(List<Result> results) {
			double[] throughput = results.stream().mapToDouble(Result::throughput).sorted().toArray();
			double[] cpu = results.stream().mapToDouble(Result::cpuMicros).sorted().toArray();
			double[] allocated = results.stream().mapToDouble(Result::allocatedKb).sorted().toArray();
			return new Result(throughput[throughput.length / 2], cpu[cpu.length / 2], allocated[allocated.length / 2]);
		}

	}

	/**
	 * A page as the raw WebClient reads it.
	 *
	 * @param count the total
	 * @param next the next link
	 * @param results the records
	 */
	record CustomerPage(long count, @Nullable String next, List<Customer> results) {
	}

}
