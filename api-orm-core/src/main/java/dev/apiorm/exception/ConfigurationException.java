package dev.apiorm.exception;

import org.jspecify.annotations.Nullable;

/**
 * api-orm is set up wrongly: an invalid model or property, an unknown client, or a
 * blocking call on an event-loop thread.
 */
public class ConfigurationException extends ApiException {

	public ConfigurationException(String message) {
		super(message);
	}

	public ConfigurationException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
