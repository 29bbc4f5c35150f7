package dev.apiorm.test.app;

import jakarta.validation.constraints.NotBlank;

import dev.apiorm.ApiModel;

/**
 * A book of the test application.
 *
 * @param id the id
 * @param title the title
 * @param genre the genre
 * @param year the year of publication
 * @param isbn the ISBN
 */
@ApiModel(endpoint = "/api/v1/books/")
public record Book(Long id, @NotBlank String title, String genre, Integer year, String isbn) {

	public Book(String title, String genre, Integer year, String isbn) {
		this(null, title, genre, year, isbn);
	}

}
