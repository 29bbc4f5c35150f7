package dev.apiorm.repository.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.BeanUtils;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.ExampleMatcher;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.support.ExampleMatcherAccessor;

import dev.apiorm.Q;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.mapping.ApiPersistentProperty;
import dev.apiorm.exception.UnsupportedQueryException;

/**
 * Query by Example as lookups: each property of the probe that has a value (and is not
 * ignored by the matcher) becomes one lookup, all of them combined with AND, or with OR
 * for {@link ExampleMatcher#matchingAny()}. Strings follow the matcher's string matcher
 * and case: {@code exact}/{@code iexact}, {@code startswith}/{@code istartswith},
 * {@code endswith}/{@code iendswith}, {@code contains}/{@code icontains}; a {@code null}
 * property is {@code isnull} under {@link ExampleMatcher.NullHandler#INCLUDE}. What no
 * lookup expresses (regular expressions, nested objects, collections) is refused with
 * {@link UnsupportedQueryException}; what the dialect cannot send is refused by the
 * dialect when the query is built, as for any query.
 */
final class ExampleLookups {

	private ExampleLookups() {
	}

	/**
	 * The condition of an example, empty when the probe constrains nothing.
	 */
	static <T> Optional<Q> of(Example<? extends T> example, ApiPersistentEntity<T> entity) {
		ExampleMatcher matcher = example.getMatcher();
		ExampleMatcherAccessor accessor = new ExampleMatcherAccessor(matcher);
		@SuppressWarnings("unchecked")
		PersistentPropertyAccessor<T> values = entity.getPropertyAccessor((T) example.getProbe());
		List<Q> lookups = new ArrayList<>();
		entity.doWithProperties((ApiPersistentProperty property) -> {
			String path = property.getName();
			if (accessor.isIgnoredPath(path)) {
				return;
			}
			Optional<Object> value = accessor.getValueTransformerForPath(path)
				.apply(Optional.ofNullable(values.getProperty(property)));
			if (value.isPresent()) {
				lookups.add(lookup(entity, path, value.get(), accessor));
			}
			else if (accessor.getNullHandler() == ExampleMatcher.NullHandler.INCLUDE) {
				lookups.add(Q.of(path, null));
			}
		});
		if (lookups.isEmpty()) {
			return Optional.empty();
		}
		Q condition = lookups.get(0);
		for (int i = 1; i < lookups.size(); i++) {
			condition = matcher.isAllMatching() ? condition.and(lookups.get(i)) : condition.or(lookups.get(i));
		}
		return Optional.of(condition);
	}

	private static Q lookup(ApiPersistentEntity<?> entity, String path, Object value, ExampleMatcherAccessor accessor) {
		if (value instanceof Collection || value instanceof Map || !BeanUtils.isSimpleValueType(value.getClass())) {
			throw refused(entity, path, "a collection, map or nested object has no single lookup");
		}
		if (!(value instanceof CharSequence)) {
			return Q.of(path, value);
		}
		boolean ignoreCase = accessor.isIgnoreCaseForPath(path);
		String suffix = switch (accessor.getStringMatcherForPath(path)) {
			case DEFAULT, EXACT -> ignoreCase ? "__iexact" : "";
			case STARTING -> ignoreCase ? "__istartswith" : "__startswith";
			case ENDING -> ignoreCase ? "__iendswith" : "__endswith";
			case CONTAINING -> ignoreCase ? "__icontains" : "__contains";
			case REGEX -> throw refused(entity, path, "REGEX has no lookup");
		};
		return Q.of(path + suffix, value.toString());
	}

	private static UnsupportedQueryException refused(ApiPersistentEntity<?> entity, String path, String why) {
		return new UnsupportedQueryException(
				"Query by Example of " + entity.getModelName() + ": property '" + path + "': " + why);
	}

}
