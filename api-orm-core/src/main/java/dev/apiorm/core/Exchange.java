package dev.apiorm.core;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

import dev.apiorm.core.mapping.ModelMetadata;

/**
 * One HTTP exchange api-orm is about to make: what, where, for which model and operation.
 *
 * @param model the model
 * @param operation the operation name used in messages and metrics ({@code list},
 * {@code get}, ...)
 * @param method the HTTP method
 * @param url the absolute URL, percent-encoded
 * @param body the body to send as JSON, {@code null} for none
 * @param recordRequest whether the URL names one record (a 404 then means
 * {@link dev.apiorm.exception.DoesNotExistException})
 */
record Exchange(ModelMetadata<?> model, String operation, HttpMethod method, URI url, @Nullable Object body,
		boolean recordRequest) {

	String describe() {
		return this.model.name() + " " + this.operation + " (" + this.method.name() + " " + this.url + ")";
	}

}
