package dev.apiorm.repository.query;

import java.util.stream.Stream;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import org.springframework.data.repository.query.QueryMethod;

/**
 * What a derived query method returns, decided once at start-up.
 */
enum QueryKind {

	COUNT, EXISTS, PAGE, SLICE, WINDOW, COLLECTION, STREAM, SINGLE;

	/** By name: Kotlin's coroutines may be absent. */
	private static final String FLOW = "kotlinx.coroutines.flow.Flow";

	/**
	 * The kind of a method.
	 * @param methodQuery how the method's query is made
	 * @param method the query method
	 * @param returnType the method's return type ({@code Mono}, {@code Flux},
	 * {@code Flow}, {@code List}, ..., what a {@code suspend} function returns)
	 * @return the kind
	 */
	static QueryKind of(MethodQuery methodQuery, QueryMethod method, Class<?> returnType) {
		if (methodQuery.isCount()) {
			return COUNT;
		}
		if (methodQuery.isExists()) {
			return EXISTS;
		}
		if (method.isPageQuery()) {
			return PAGE;
		}
		if (method.isSliceQuery()) {
			return SLICE;
		}
		if (method.isScrollQuery()) {
			return WINDOW;
		}
		if (Stream.class.isAssignableFrom(returnType)) {
			return STREAM;
		}
		if (Flux.class.isAssignableFrom(returnType) || FLOW.equals(returnType.getName())
				|| (!Publisher.class.isAssignableFrom(returnType) && method.isCollectionQuery())) {
			return COLLECTION;
		}
		return SINGLE;
	}

}
