package dev.apiorm.test;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the fake API answers to one request.
 *
 * @param status the HTTP status
 * @param body the JSON body, {@code null} for none
 * @param headers extra headers
 */
record FakeResponse(int status, @Nullable Object body, Map<String, String> headers) {

	static FakeResponse of(int status, @Nullable Object body) {
		return new FakeResponse(status, body, Map.of());
	}

	static FakeResponse detail(int status, String detail) {
		return of(status, Map.of("detail", detail));
	}

}
