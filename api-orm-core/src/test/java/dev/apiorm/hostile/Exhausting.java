package dev.apiorm.hostile;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

import dev.apiorm.ApiModel;

/**
 * A model whose decoding runs out of memory, as a very large collection would on the
 * network thread.
 *
 * @param id the id
 * @param name a field whose decoding throws {@link OutOfMemoryError}
 */
@ApiModel(endpoint = "/api/v1/users/")
public record Exhausting(String id, @JsonDeserialize(using = Exhausting.OutOfMemory.class) String name) {

	/**
	 * Throws {@link OutOfMemoryError} instead of reading the value.
	 */
	static final class OutOfMemory extends ValueDeserializer<String> {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			throw new OutOfMemoryError("simulated: Java heap space");
		}

	}

}
