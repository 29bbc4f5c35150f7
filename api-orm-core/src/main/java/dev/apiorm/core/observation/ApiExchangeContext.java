package dev.apiorm.core.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The observation context of one HTTP exchange with an API.
 */
public class ApiExchangeContext extends Observation.Context {

	private final String client;

	private final String model;

	private final String operation;

	private final String method;

	private final int attempt;

	private @Nullable Integer status;

	public ApiExchangeContext(String client, String model, String operation, String method) {
		this(client, model, operation, method, 1);
	}

	public ApiExchangeContext(String client, String model, String operation, String method, int attempt) {
		this.client = client;
		this.model = model;
		this.operation = operation;
		this.method = method;
		this.attempt = attempt;
	}

	/**
	 * Which attempt of its call this exchange is, from 1.
	 * @return the attempt
	 */
	public int attempt() {
		return this.attempt;
	}

	/**
	 * The client's name.
	 * @return the client
	 */
	public String client() {
		return this.client;
	}

	/**
	 * The model's simple name.
	 * @return the model
	 */
	public String model() {
		return this.model;
	}

	/**
	 * The operation ({@code list}, {@code get}, {@code count}, {@code create}, ...).
	 * @return the operation
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * The HTTP method.
	 * @return the method
	 */
	public String method() {
		return this.method;
	}

	/**
	 * The response status, {@code null} when no response came.
	 * @return the status
	 */
	public @Nullable Integer status() {
		return this.status;
	}

	/**
	 * Records the response status.
	 * @param status the status
	 */
	public void setStatus(int status) {
		this.status = status;
	}

}
