package dev.apiorm.core;

import java.net.URI;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.observation.DefaultApiExchangeObservationConvention;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.fixtures.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The pages of a client as the reader gets them: its URLs, next links kept within the
 * API's origin, URLs shown without credentials, pages fetched and read by the dialect.
 */
class ClientPageSourceTests {

	private final ApiMappingContext context = new ApiMappingContext();

	private final ApiPersistentEntity<User> users = this.context.getRequiredEntity(User.class);

	private final StubWebClient api = new StubWebClient((request) -> StubWebClient.json(HttpStatus.OK,
			"{\"count\":3,\"next\":\"http://api.test/api/v1/users/?limit=2&offset=2\",\"previous\":null,"
					+ "\"results\":[{\"id\":1},{\"id\":2}]}"));

	@Test
	void aCollectionUrlJoinsTheParametersThatAreNotEmpty() {
		assertThat(source("http://api.test").collectionUrl(this.users, "role=admin", "", "limit=2"))
			.isEqualTo("http://api.test/api/v1/users/?role=admin&limit=2");
		assertThat(source("http://api.test").collectionUrl(this.users, "", ""))
			.isEqualTo("http://api.test/api/v1/users/");
	}

	@Test
	void aNextLinkIsResolvedAgainstItsPageAndKeptWithinTheOrigin() {
		ClientPageSource source = source("http://api.test");

		assertThat(source.nextUrl(this.users, "http://api.test/api/v1/users/?limit=2", "?limit=2&offset=2"))
			.isEqualTo("http://api.test/api/v1/users/?limit=2&offset=2");
		assertThatExceptionOfType(ApiDecodeException.class)
			.isThrownBy(() -> source.nextUrl(this.users, "http://api.test/api/v1/users/",
					"http://elsewhere.test/api/v1/users/?offset=2"))
			.withMessageContaining("outside the API's origin");
	}

	@Test
	void aUrlIsShownWithoutItsCredentials() {
		assertThat(source("http://me:s3cret@api.test").display("http://me:s3cret@api.test/api/v1/users/?limit=2"))
			.isEqualTo("http://api.test/api/v1/users/?limit=2");
	}

	@Test
	void aPageIsAGetReadByTheDialect() {
		PageResult<User> page = source("http://api.test")
			.fetch(this.users, "list", "http://api.test/api/v1/users/?limit=2", this.users.getCodec()::readRecords)
			.block();

		assertThat(page.records()).extracting(User::getId).containsExactly(1L, 2L);
		assertThat(page.count()).isEqualTo(3L);
		assertThat(this.api.requests).containsExactly("GET http://api.test/api/v1/users/?limit=2");
	}

	private ClientPageSource source(String baseUrl) {
		ApiClientSettings settings = ApiClientSettings.defaults("default", URI.create(baseUrl));
		DrfDialect dialect = new DrfDialect(this.context.getJsonMapper());
		ResourceUrls urls = new ResourceUrls(settings.baseUrl(), dialect);
		ExchangeExecutor executor = new ExchangeExecutor(settings, this.api.webClient(), dialect, urls,
				ObservationRegistry.NOOP, new DefaultApiExchangeObservationConvention(), java.util.List.of());
		return new ClientPageSource(urls, executor, new RecordBodies(dialect, this.context.getJsonMapper(), null));
	}

}
