package dev.apiorm.wire;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apiorm.ApiOrm;
import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.fixtures.Tag;
import dev.apiorm.fixtures.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A WireMock server and an {@link ApiOrm} pointed at it (token {@value #TOKEN}, scheme
 * {@code Token}, two records per page), with the requests it received in order.
 */
abstract class WireTestSupport {

	/** Retry settings that make one attempt per call. */
	static final ApiClientSettings.Retry NO_RETRY = new ApiClientSettings.Retry(1, Duration.ZERO, Duration.ZERO,
			Duration.ZERO, java.util.Set.of(), null);

	static final String TOKEN = "s3cr3t-token";

	@RegisterExtension
	static WireMockExtension wire = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	ApiOrm orm;

	ApiRepository<User> users;

	ReactiveApiRepository<User> reactiveUsers;

	ApiRepository<Tag> tags;

	/**
	 * One exchange before the tests, with a generous timeout: the first exchange of a JVM
	 * loads and links the client's classes, which on a loaded machine takes longer than
	 * the tests' timeout of one second and would be retried, adding a request the tests
	 * do not expect. The extension forgets the stub and the request before each test.
	 */
	@BeforeAll
	static void warmUp() {
		wire.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.get(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/v1/users/1/"))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"id\":1,\"name\":\"Ann\"}")));
		try (ApiOrm warm = ApiOrm.builder().baseUrl(wire.baseUrl()).timeout(Duration.ofSeconds(30)).build()) {
			warm.repository(User.class).get(1);
		}
	}

	@BeforeEach
	void createOrm() {
		this.orm = configure(ApiOrm.builder()
			.baseUrl(wire.baseUrl())
			.token(TOKEN)
			.authScheme("Token")
			.pageSize(2)
			.drfNegationSuffix("n")
			.timeout(Duration.ofSeconds(1))).build();
		this.users = this.orm.repository(User.class);
		this.reactiveUsers = this.orm.reactiveRepository(User.class);
		this.tags = this.orm.repository(Tag.class);
	}

	ApiOrmBuilder configure(ApiOrmBuilder builder) {
		return builder;
	}

	@AfterEach
	void closeOrm() {
		this.orm.close();
	}

	static void stub(MappingBuilder mapping) {
		wire.stubFor(mapping);
	}

	static List<String> sent() {
		return SentRequests.of(wire);
	}

	static String user(long id, String name) {
		return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"email\":\"" + name.toLowerCase()
				+ "@x.io\",\"role\":\"member\",\"age\":30,\"active\":true,\"created_at\":\"2026-01-0" + (id % 9 + 1)
				+ "\"}";
	}

	static String user(long id, String name, String role) {
		return user(id, name).replace("\"role\":\"member\"", "\"role\":\"" + role + "\"");
	}

	static String user(long id, String name, String role, String createdAt) {
		return user(id, name, role).replaceFirst("\"created_at\":\"[^\"]*\"", "\"created_at\":\"" + createdAt + "\"");
	}

	static String page(Long count, String next, String... records) {
		return "{\"count\":" + count + ",\"next\":" + ((next != null) ? "\"" + next + "\"" : "null")
				+ ",\"previous\":null,\"results\":[" + String.join(",", records) + "]}";
	}

}
