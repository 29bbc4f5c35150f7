package dev.apiorm.dialect;

/**
 * What a dialect knows of the model whose records it reads or writes.
 *
 * @param endpoint the model's endpoint, as in {@code @ApiModel(endpoint = ...)}
 * @param idField the API name of the model's id field
 */
public record RecordType(String endpoint, String idField) {

	/**
	 * The resource type's name: the endpoint's last path segment ({@code books} for
	 * {@code /api/books/}), as JSON:API's {@code type} and HAL's {@code _embedded} key
	 * name a collection.
	 * @return the name
	 */
	public String typeName() {
		String path = this.endpoint;
		int end = path.length();
		while (end > 0 && path.charAt(end - 1) == '/') {
			end--;
		}
		return path.substring(path.lastIndexOf('/', end - 1) + 1, end);
	}

}
