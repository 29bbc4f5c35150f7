package dev.apiorm.instances;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.autoconfigure.ApiOrmAutoConfiguration;
import dev.apiorm.autoconfigure.ApiOrmCacheAutoConfiguration;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * One instance of an application whose api-orm HTTP cache is a Redis cache shared with
 * the other instances, run in a JVM of its own by {@link SharedHttpCacheIT}: Spring Boot
 * with {@code spring.data.redis.*}, a {@link RedisCacheManager} and
 * {@code api-orm.cache.*} on the default client; the client {@code plain} reads the same
 * API without a cache. Reads article 0 through both, then prints {@code STARTED}, and
 * runs the commands of its standard input, one a line, each answered with one line:
 * <ul>
 * <li>{@code GET <id>}: {@code NAME <name>} of the article;</li>
 * <li>{@code RENAME <id> <name>}: reads the article, saves it renamed (a PATCH),
 * {@code DONE};</li>
 * <li>{@code TIME <id> <reads>}: reads the article that many times through the cache,
 * then as many times without it, and prints {@code TIMED cached=<ns> plain=<ns>} (the
 * total time of each).</li>
 * </ul>
 * Arguments: the Redis port, the API's base URL.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, JacksonAutoConfiguration.class,
		ApiOrmCacheAutoConfiguration.class, ApiOrmAutoConfiguration.class })
public class CacheClient {

	@Bean
	RedisCacheManager cacheManager(RedisConnectionFactory connections) {
		return RedisCacheManager.builder(connections)
			.cacheDefaults(RedisCacheConfiguration.defaultCacheConfig().entryTtl(Duration.ofMinutes(10)))
			.build();
	}

	public static void main(String[] args) throws Exception {
		String baseUrl = args[1];
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CacheClient.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + args[0],
					"spring.data.redis.timeout=10s", "api-orm.base-url=" + baseUrl, "api-orm.token=shared-token",
					"api-orm.repositories.enabled=false", "api-orm.cache.enabled=true", "api-orm.cache.timeout=10s",
					"api-orm.clients.plain.base-url=" + baseUrl, "api-orm.clients.plain.token=shared-token",
					"api-orm.clients.plain.cache.enabled=false")
			.run()) {
			ApiOrm orm = context.getBean(ApiOrm.class);
			ApiRepository<Article> articles = orm.repository(Article.class);
			ApiRepository<PlainArticle> plain = orm.repository(PlainArticle.class);
			// Warm: a cold JVM on a loaded machine takes seconds for its first Redis
			// round trip (classes, connection), which is not what the test is about.
			articles.get(0);
			plain.get(0);
			System.out.println("STARTED");
			BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			for (String line = input.readLine(); line != null && !line.equals("EXIT"); line = input.readLine()) {
				String[] command = line.split(" ");
				switch (command[0]) {
					case "GET" -> System.out.println("NAME " + articles.get(command[1]).name());
					case "RENAME" -> {
						Article article = articles.get(command[1]);
						articles.save(new Article(article.id(), command[2], article.text()), "name");
						System.out.println("DONE");
					}
					case "TIME" -> {
						int reads = Integer.parseInt(command[2]);
						long cached = time(() -> articles.get(command[1]), reads);
						long uncached = time(() -> plain.get(command[1]), reads);
						System.out.println("TIMED cached=" + cached + " plain=" + uncached);
					}
					case "GEN" -> System.out.println("GEN " + generations(context));
					default -> System.out.println("UNKNOWN " + line);
				}
			}
		}
		System.exit(0);
	}

	private static String generations(ConfigurableApplicationContext context) {
		org.springframework.data.redis.cache.RedisCacheManager manager = context.getBean(RedisCacheManager.class);
		StringBuilder found = new StringBuilder();
		try (var connection = context.getBean(RedisConnectionFactory.class).getConnection()) {
			for (byte[] key : connection.keyCommands().keys("*api-orm:*".getBytes(StandardCharsets.UTF_8))) {
				String name = new String(key, StandardCharsets.UTF_8);
				Object value = manager.getCache("api-orm").get(name.substring(name.indexOf("::") + 2)).get();
				found.append(name)
					.append('=')
					.append((value instanceof String) ? value
							: "entry " + ((dev.apiorm.core.cache.CachedResponse) value).generation())
					.append("; ");
			}
		}
		return found.toString();
	}

	private static long time(Runnable read, int times) {
		long start = System.nanoTime();
		for (int i = 0; i < times; i++) {
			read.run();
		}
		return System.nanoTime() - start;
	}

}
