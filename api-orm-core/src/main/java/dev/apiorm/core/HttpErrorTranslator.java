package dev.apiorm.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.apiorm.core.exchange.ExchangeRequest;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.ErrorBody;
import dev.apiorm.exception.ApiClientException;
import dev.apiorm.exception.ApiException;
import dev.apiorm.exception.ApiHttpException;
import dev.apiorm.exception.ApiServerException;
import dev.apiorm.exception.BadGatewayException;
import dev.apiorm.exception.BadRequestException;
import dev.apiorm.exception.ConflictException;
import dev.apiorm.exception.PreconditionFailedException;
import dev.apiorm.exception.DoesNotExistException;
import dev.apiorm.exception.ForbiddenException;
import dev.apiorm.exception.GatewayTimeoutException;
import dev.apiorm.exception.InternalServerErrorException;
import dev.apiorm.exception.NotFoundException;
import dev.apiorm.exception.ServiceUnavailableException;
import dev.apiorm.exception.TooManyRequestsException;
import dev.apiorm.exception.UnauthorizedException;

/**
 * Maps an error response to the exception hierarchy, with a message that names the model,
 * the operation and the URL, and the API's own message where it gave one.
 */
final class HttpErrorTranslator {

	private static final int MAX_BODY = 4000;

	private final Dialect dialect;

	HttpErrorTranslator(Dialect dialect) {
		this.dialect = dialect;
	}

	ApiException translate(ExchangeRequest request, int status, String body, @Nullable String retryAfterHeader) {
		ErrorBody error = this.dialect.readError(body);
		String shortBody = (body.length() > MAX_BODY) ? body.substring(0, MAX_BODY) + "..." : body;
		String method = request.method().name();
		String url = Urls.display(request.url());
		String message = request + " failed with HTTP " + status + reason(error);
		if (status == 404 && request.targetsRecord()) {
			return new DoesNotExistException(request.entity().getType(), request.entity().getModelName()
					+ " matching query does not exist: " + method + " " + url + " answered 404");
		}
		Map<String, List<String>> fieldErrors = error.fieldErrors();
		return switch (status) {
			case 400 -> new BadRequestException(message, status, shortBody, method, url, fieldErrors);
			case 401 -> new UnauthorizedException(message, status, shortBody, method, url);
			case 403 -> new ForbiddenException(message, status, shortBody, method, url);
			case 404 -> new NotFoundException(message, status, shortBody, method, url);
			case 409 -> new ConflictException(message, status, shortBody, method, url);
			case 412 -> new PreconditionFailedException(message, shortBody, method, url);
			case 429 ->
				new TooManyRequestsException(message, status, shortBody, method, url, retryAfter(retryAfterHeader));
			case 500 -> new InternalServerErrorException(message, status, shortBody, method, url);
			case 502 -> new BadGatewayException(message, status, shortBody, method, url);
			case 503 ->
				new ServiceUnavailableException(message, status, shortBody, method, url, retryAfter(retryAfterHeader));
			case 504 -> new GatewayTimeoutException(message, status, shortBody, method, url);
			default -> (status >= 500) ? new ApiServerException(message, status, shortBody, method, url)
					: (status >= 400) ? new ApiClientException(message, status, shortBody, method, url)
							: new ApiHttpException(message + " (redirects are not followed)", status, shortBody, method,
									url);
		};
	}

	private static String reason(ErrorBody error) {
		if (error.message() != null) {
			return ": " + error.message();
		}
		if (!error.fieldErrors().isEmpty()) {
			return ": " + error.fieldErrors();
		}
		return "";
	}

	static @Nullable Duration retryAfter(@Nullable String header) {
		return RetryAfter.parse(header, Instant.now());
	}

}
