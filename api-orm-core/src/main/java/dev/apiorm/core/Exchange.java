package dev.apiorm.core;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

import dev.apiorm.core.mapping.ApiPersistentEntity;

/**
 * One HTTP exchange api-orm is about to make: what, where, for which model and operation.
 *
 * @param entity the model
 * @param operation the operation name used in messages and metrics ({@code list},
 * {@code get}, ...)
 * @param method the HTTP method
 * @param url the absolute URL, percent-encoded
 * @param body the JSON body to send, {@code null} for none
 * @param recordRequest whether the URL names one record (a 404 then means
 * {@link dev.apiorm.exception.DoesNotExistException})
 * @param idempotencyKey the key sent with every attempt of this exchange, {@code null}
 * for none
 * @param ifMatch the {@code If-Match} header to send, {@code null} for none
 */
record Exchange(ApiPersistentEntity<?> entity, String operation, HttpMethod method, URI url, byte @Nullable [] body,
		boolean recordRequest, @Nullable String idempotencyKey, @Nullable String ifMatch) {

	Exchange(ApiPersistentEntity<?> entity, String operation, HttpMethod method, URI url, byte @Nullable [] body,
			boolean recordRequest) {
		this(entity, operation, method, url, body, recordRequest, null, null);
	}

	String describe() {
		return this.entity.getModelName() + " " + this.operation + " (" + this.method.name() + " "
				+ Urls.display(this.url) + ")";
	}

}
