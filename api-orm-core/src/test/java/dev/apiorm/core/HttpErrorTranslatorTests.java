package dev.apiorm.core;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;

import dev.apiorm.core.exchange.ExchangeRequest;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.exception.ApiException;
import dev.apiorm.exception.ApiHttpException;
import dev.apiorm.exception.BadRequestException;
import dev.apiorm.exception.DoesNotExistException;
import dev.apiorm.exception.NotFoundException;
import dev.apiorm.exception.ServiceUnavailableException;
import dev.apiorm.exception.TooManyRequestsException;
import dev.apiorm.fixtures.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each error status becomes its exception with the model, operation, method and URL, and
 * the API's own message and field errors.
 */
class HttpErrorTranslatorTests {

	private final HttpErrorTranslator translator = new HttpErrorTranslator(
			new DrfDialect(JsonMapper.builder().build()));

	private final ExchangeRequest list = ExchangeRequest
		.builder(new ApiMappingContext().getRequiredEntity(User.class), "list", HttpMethod.GET,
				URI.create("http://api.test/api/v1/users/?role=x"))
		.build();

	private final ExchangeRequest get = ExchangeRequest
		.builder(new ApiMappingContext().getRequiredEntity(User.class), "get", HttpMethod.GET,
				URI.create("http://api.test/api/v1/users/7/"))
		.targetsRecord(true)
		.build();

	@ParameterizedTest
	@CsvSource({ "400, BadRequestException", "401, UnauthorizedException", "403, ForbiddenException",
			"404, NotFoundException", "409, ConflictException", "412, PreconditionFailedException",
			"429, TooManyRequestsException", "500, InternalServerErrorException", "502, BadGatewayException",
			"503, ServiceUnavailableException", "504, GatewayTimeoutException", "418, ApiClientException",
			"507, ApiServerException", "302, ApiHttpException" })
	void eachStatusBecomesItsException(int status, String type) {
		ApiException exception = this.translator.translate(this.list, status, "", null);
		assertThat(exception.getClass().getSimpleName()).isEqualTo(type);
		assertThat(((ApiHttpException) exception).statusCode()).isEqualTo(status);
		assertThat(((ApiHttpException) exception).method()).isEqualTo("GET");
		assertThat(((ApiHttpException) exception).url()).isEqualTo("http://api.test/api/v1/users/?role=x");
		assertThat(exception.getMessage())
			.startsWith("User list (GET http://api.test/api/v1/users/?role=x) failed with HTTP " + status);
	}

	@Test
	void aMissingRecordByIdDoesNotExistWhileAMissingCollectionIsNotFound() {
		assertThat(this.translator.translate(this.get, 404, "{\"detail\":\"Not found.\"}", null))
			.isInstanceOf(DoesNotExistException.class)
			.hasMessage("User matching query does not exist: GET http://api.test/api/v1/users/7/ answered 404");
		assertThat(this.translator.translate(this.list, 404, "", null)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void fieldErrorsAndTheApisMessageAreKept() {
		BadRequestException exception = (BadRequestException) this.translator.translate(this.list, 400,
				"{\"email\":[\"Enter a valid email address.\"]}", null);
		assertThat(exception.fieldErrors())
			.containsExactlyEntriesOf(java.util.Map.of("email", List.of("Enter a valid email address.")));
		assertThat(this.translator.translate(this.list, 403, "{\"detail\":\"Nope.\"}", null).getMessage())
			.endsWith("failed with HTTP 403: Nope.");
	}

	@Test
	void retryAfterIsReadInSecondsOrAsAnHttpDate() {
		TooManyRequestsException seconds = (TooManyRequestsException) this.translator.translate(this.list, 429, "",
				"120");
		assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(120));
		String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(61));
		ServiceUnavailableException date = (ServiceUnavailableException) this.translator.translate(this.list, 503, "",
				inAMinute);
		assertThat(date.retryAfter())
			.hasValueSatisfying((wait) -> assertThat(wait).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61)));
		assertThat(((TooManyRequestsException) this.translator.translate(this.list, 429, "", "soon")).retryAfter())
			.isEmpty();
	}

	@Test
	void aLongBodyIsShortenedInTheException() {
		String body = "x".repeat(10_000);
		assertThat(((ApiHttpException) this.translator.translate(this.list, 500, body, null)).responseBody())
			.hasSize(4003)
			.endsWith("...");
	}

}
