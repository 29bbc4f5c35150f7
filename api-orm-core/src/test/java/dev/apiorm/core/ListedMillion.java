package dev.apiorm.core;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.GarbageCollectorMXBean;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.fixtures.User;

/**
 * The program {@link ChangeTrackingOldGenerationTests} runs in a JVM of its own with a
 * small heap: it streams a million users from an upstream in the same JVM, in pages of a
 * thousand, with change tracking on, dropping every record. At every hundred thousandth
 * record it prints
 * {@code checkpoint <records> <old gen after full collections> <tracked> <promoted>}: the
 * old generation's occupancy once a full collection has left only what is reachable, how
 * many instances the client still tracks, and the bytes the young collections so far
 * moved into the old generation (what listed records that a tracker kept alive through
 * young collections would fill it with).
 */
public final class ListedMillion {

	static final int RECORDS = 1_000_000;

	static final int PAGE = 1_000;

	static final int CHECKPOINT = 100_000;

	private ListedMillion() {
	}

	public static void main(String[] args) {
		MemoryPoolMXBean old = oldGeneration();
		AtomicLong promoted = new AtomicLong();
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
				GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
					.from((CompositeData) notification.getUserData());
				if (info.getGcAction().contains("minor")) {
					long before = info.getGcInfo().getMemoryUsageBeforeGc().get(old.getName()).getUsed();
					long after = info.getGcInfo().getMemoryUsageAfterGc().get(old.getName()).getUsed();
					promoted.addAndGet(Math.max(0, after - before));
				}
			}, (notification) -> notification.getType()
				.equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION), null);
		}
		DisposableServer server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			List<String> offset = new QueryStringDecoder(request.uri()).parameters().get("offset");
			int start = (offset != null) ? Integer.parseInt(offset.get(0)) : 0;
			return response.header("Content-Type", "application/json")
				.sendString(Mono.fromCallable(() -> page(request.hostAddress().getPort(), start)));
		}).bindNow();
		try (ApiOrm orm = ApiOrm.builder().baseUrl("http://127.0.0.1:" + server.port()).pageSize(PAGE).build()) {
			ReactiveApiTemplate template = (ReactiveApiTemplate) orm.reactiveTemplate("default");
			ApiRepository<User> users = orm.repository(User.class);
			long[] seen = new long[1];
			users.all().stream().forEach((user) -> {
				if (++seen[0] % CHECKPOINT == 0) {
					System.out.println("checkpoint " + seen[0] + " " + afterFullCollections(old) + " "
							+ template.trackedInstances() + " " + promoted.get());
				}
			});
			System.out.println("records " + seen[0]);
		}
		finally {
			server.disposeNow();
		}
	}

	/**
	 * The old generation's occupancy after full collections that ran: the least of two. A
	 * requested collection does not run while a thread holds a JNI critical region (on a
	 * loaded machine, both of two requests could be skipped, and the garbage of the last
	 * hundred thousand records was measured as if it were held): a request counts only
	 * when the full collector's count moved, and is made again, up to twenty times, until
	 * two have.
	 */
	private static long afterFullCollections(MemoryPoolMXBean old) {
		long least = Long.MAX_VALUE;
		int ran = 0;
		for (int i = 0; i < 20 && ran < 2; i++) {
			long before = fullCollections();
			System.gc();
			if (fullCollections() > before) {
				ran++;
				least = Math.min(least, old.getUsage().getUsed());
			}
		}
		return (ran > 0) ? least : old.getUsage().getUsed();
	}

	/**
	 * How many full collections the JVM ran: those of the collector that collects the old
	 * generation ({@code G1 Old Generation}, {@code MarkSweepCompact}, ...).
	 */
	private static long fullCollections() {
		long count = 0;
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			String name = collector.getName();
			if (name.contains("Old") || name.contains("MarkSweep") || name.contains("Full")) {
				count += Math.max(0, collector.getCollectionCount());
			}
		}
		return count;
	}

	static MemoryPoolMXBean oldGeneration() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			String name = pool.getName();
			if (pool.getType() == MemoryType.HEAP && (name.contains("Old Gen") || name.contains("Tenured"))) {
				return pool;
			}
		}
		throw new IllegalStateException("no old generation among " + ManagementFactory.getMemoryPoolMXBeans());
	}

	private static String page(int port, int offset) {
		StringBuilder page = new StringBuilder(PAGE * 140).append("{\"count\":").append(RECORDS).append(",\"next\":");
		if (offset + PAGE < RECORDS) {
			page.append("\"http://127.0.0.1:")
				.append(port)
				.append("/api/v1/users/?limit=")
				.append(PAGE)
				.append("&offset=")
				.append(offset + PAGE)
				.append('"');
		}
		else {
			page.append("null");
		}
		page.append(",\"previous\":null,\"results\":[");
		for (int id = offset + 1; id <= offset + PAGE; id++) {
			page.append((id > offset + 1) ? "," : "")
				.append("{\"id\":")
				.append(id)
				.append(",\"name\":\"U")
				.append(id)
				.append("\",\"email\":\"u")
				.append(id)
				.append("@x.io\",\"role\":\"member\",\"age\":30,\"active\":true,\"created_at\":\"2026-01-01\"}");
		}
		return page.append("]}").toString();
	}

}
