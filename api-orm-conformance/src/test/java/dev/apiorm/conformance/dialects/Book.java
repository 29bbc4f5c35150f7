package dev.apiorm.conformance.dialects;

import java.time.LocalDate;

import dev.apiorm.ApiModel;

/**
 * A book of the dataset every dialect's server serves ({@code conformance/books.json}).
 */
@ApiModel(endpoint = "/books")
public class Book {

	private Long id;

	private String title;

	private Integer pages;

	private LocalDate published;

	private String genre;

	private Boolean available;

	public Book() {
	}

	public Book(String title, Integer pages, LocalDate published, String genre, Boolean available) {
		this.title = title;
		this.pages = pages;
		this.published = published;
		this.genre = genre;
		this.available = available;
	}

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public Integer getPages() {
		return this.pages;
	}

	public void setPages(Integer pages) {
		this.pages = pages;
	}

	public LocalDate getPublished() {
		return this.published;
	}

	public void setPublished(LocalDate published) {
		this.published = published;
	}

	public String getGenre() {
		return this.genre;
	}

	public void setGenre(String genre) {
		this.genre = genre;
	}

	public Boolean getAvailable() {
		return this.available;
	}

	public void setAvailable(Boolean available) {
		this.available = available;
	}

	@Override
	public String toString() {
		return "Book[" + this.id + " " + this.title + "]";
	}

}
