package dev.apiorm.instances;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of one application in separate JVMs share one api-orm HTTP cache in a
 * real Redis (a {@code RedisCacheManager}): what one downloaded, the other revalidates
 * with a {@code 304} instead of downloading it, or serves without a request while fresh;
 * a write through one invalidates what the other would have served. Measures a repeated
 * read with and without the cache.
 */
class SharedHttpCacheIT {

	private static final Duration START = Duration.ofSeconds(120);

	private static final Duration ANSWER = Duration.ofSeconds(30);

	private static final int READS = 200;

	private static final Pattern TIMED = Pattern.compile("TIMED cached=(\\d+) plain=(\\d+)");

	@Test
	void twoJvmsShareOneCacheInRedis() throws Exception {
		try (RedisServer redis = RedisServer.start(); ArticleServer server = new ArticleServer()) {
			String[] args = { String.valueOf(redis.port()), server.baseUrl() };
			try (ChildJvm first = ChildJvm.start(CacheClient.class, args);
					ChildJvm second = ChildJvm.start(CacheClient.class, args)) {
				first.awaitLine("STARTED", START);
				second.awaitLine("STARTED", START);
				server.reset();

				// The first instance downloads the record and keeps it in Redis.
				assertThat(ask(first, "GET 1", "NAME")).isEqualTo("NAME article 1");
				List<ArticleServer.Exchange> download = server.exchanges();
				assertThat(download).extracting(ArticleServer.Exchange::toString)
					.singleElement()
					.satisfies(
							(exchange) -> assertThat(exchange).startsWith("GET 1 -> 200 (").doesNotContain("If-None"));
				int bytes = download.get(0).bytes();
				assertThat(bytes).isGreaterThan(16 * 1024);

				// The second revalidates the first's entry: a 304, not a download.
				server.reset();
				assertThat(ask(second, "GET 1", "NAME")).isEqualTo("NAME article 1");
				assertThat(server.exchanges()).extracting(ArticleServer.Exchange::toString)
					.containsExactly("GET 1 -> 304 (0 bytes, If-None-Match \"v1\")");

				// A write through the second invalidates what the first would serve.
				server.reset();
				assertThat(ask(second, "RENAME 1 renamed", "DONE")).isEqualTo("DONE");
				String generations = ask(first, "GEN", "GEN");
				assertThat(ask(first, "GET 1", "NAME")).isEqualTo("NAME renamed");
				int renamed = bytes - "article 1".length() + "renamed".length();
				assertThat(server.exchanges()).extracting(ArticleServer.Exchange::toString)
					.as(() -> "Redis after the rename: " + generations + "\nthe writer said:\n" + second.output())
					.containsExactly("GET 1 -> 304 (0 bytes, If-None-Match \"v1\")",
							"PATCH 1 -> 200 (" + renamed + " bytes)", "GET 1 -> 200 (" + renamed + " bytes)");

				// A fresh answer (max-age) one instance downloaded, the other serves
				// without a request.
				server.reset();
				assertThat(ask(first, "GET 100", "NAME")).isEqualTo("NAME article 100");
				assertThat(ask(second, "GET 100", "NAME")).isEqualTo("NAME article 100");
				assertThat(server.exchanges()).extracting(ArticleServer.Exchange::toString)
					.singleElement()
					.satisfies((exchange) -> assertThat(exchange).startsWith("GET 100 -> 200 ("));

				measure(server, second, "2", "revalidated (no-cache)");
				measure(server, second, "101", "fresh (max-age=60)");
				first.send("EXIT");
				second.send("EXIT");
			}
		}
	}

	private static String ask(ChildJvm child, String command, String answer) throws InterruptedException {
		child.send(command);
		return child.awaitLine(answer, ANSWER);
	}

	/**
	 * A repeated read of one record, through the shared cache and then without it: the
	 * requests and bytes the server saw for each, and the time per read.
	 */
	private static void measure(ArticleServer server, ChildJvm child, String id, String kind)
			throws InterruptedException {
		// One read first, so that the measured ones find the entry.
		ask(child, "GET " + id, "NAME");
		server.reset();
		Matcher timed = TIMED.matcher(ask(child, "TIME " + id + " " + READS, "TIMED"));
		assertThat(timed.matches()).isTrue();
		List<ArticleServer.Exchange> exchanges = server.exchanges();
		// The cached reads come first, then the plain ones.
		List<ArticleServer.Exchange> plain = exchanges.stream().filter((exchange) -> exchange.status() == 200).toList();
		List<ArticleServer.Exchange> cached = exchanges.stream()
			.filter((exchange) -> exchange.status() != 200)
			.toList();
		assertThat(plain).hasSize(READS);
		assertThat(cached).hasSize(kind.startsWith("fresh") ? 0 : READS)
			.allSatisfy((exchange) -> assertThat(exchange.status()).isEqualTo(304));
		System.out.printf(
				"%d reads of one record, %s, shared in Redis: %d requests, %d body bytes, %.0f us a read; "
						+ "without the cache: %d requests, %d body bytes, %.0f us a read%n",
				READS, kind, cached.size(), cached.stream().mapToLong(ArticleServer.Exchange::bytes).sum(),
				Long.parseLong(timed.group(1)) / 1e3 / READS, plain.size(),
				plain.stream().mapToLong(ArticleServer.Exchange::bytes).sum(),
				Long.parseLong(timed.group(2)) / 1e3 / READS);
	}

}
