package dev.apiorm.hostile;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

import dev.apiorm.ApiModel;

/**
 * A model whose decoding throws the {@link Error} a record's name names, on the network
 * thread, as a JVM out of heap or a broken class path would.
 *
 * @param id the id
 * @param name a field whose decoding throws the error it names, if it names one
 */
@ApiModel(endpoint = "/api/v1/users/")
public record Failing(String id, @JsonDeserialize(using = Failing.Thrower.class) String name) {

	/**
	 * Throws the error a value names instead of reading it.
	 */
	static final class Thrower extends ValueDeserializer<String> {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = parser.getString();
			switch (value) {
				case "OutOfMemoryError" -> throw new OutOfMemoryError("simulated: Java heap space");
				case "StackOverflowError" -> throw new StackOverflowError("simulated");
				case "InternalError" -> throw new InternalError("simulated");
				case "NoClassDefFoundError" -> throw new NoClassDefFoundError("simulated/Missing");
				case "AssertionError" -> throw new AssertionError("simulated");
				default -> {
					return value;
				}
			}
		}

	}

}
