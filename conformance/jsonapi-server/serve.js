// A JSON:API 1.0 service of the conformance dataset on jsonapi-server 4.2 (holidayextras),
// bound to 127.0.0.1. Its resource handler is the application's part: like any
// jsonapi-server application it filters, sorts and pages in the handler, with
// jsonapi-server's filter operators (filter[f]=v, =>v, =<v, =~v, =:v, comma for OR).
// Prints "READY <port>"; exits when its standard input closes.
const fs = require('fs');
const path = require('path');
const http = require('http');
const express = require('express');
const jsonApi = require('jsonapi-server');

const port = Number(process.argv[2]);
const dataset = process.argv[3] || path.join(__dirname, '..', 'books.json');
const books = JSON.parse(fs.readFileSync(dataset, 'utf8')).map((book) => {
  const { id, ...attributes } = book;
  return { id: String(id), type: 'books', ...attributes };
});
let nextId = books.length + 1;

function matches(value, element) {
  switch (element.operator) {
    case '>': return value > element.value;
    case '<': return value < element.value;
    case '~': return typeof value === 'string' && value.toLowerCase() === element.value.toLowerCase();
    case ':': return typeof value === 'string' && value.toLowerCase().includes(element.value.toLowerCase());
    default: return value === element.value;
  }
}

function compare(a, b, attribute) {
  // The application's ids are numbers, written as strings as JSON:API wants them.
  const x = (attribute === 'id') ? Number(a.id) : a[attribute];
  const y = (attribute === 'id') ? Number(b.id) : b[attribute];
  if (x === y) return 0;
  if (x === undefined || x === null) return -1;
  if (y === undefined || y === null) return 1;
  return x < y ? -1 : 1;
}

const handler = {
  ready: true,
  initialise() {},
  search(request, callback) {
    let results = books;
    const filters = request.processedFilter || {};
    for (const attribute of Object.keys(filters)) {
      results = results.filter((book) => filters[attribute].some((element) => matches(book[attribute], element)));
    }
    if (request.params.sort) {
      const orders = String(request.params.sort).split(',');
      results = [...results].sort((a, b) => {
        for (const order of orders) {
          const descending = order.startsWith('-');
          const result = compare(a, b, descending ? order.substring(1) : order);
          if (result !== 0) return descending ? -result : result;
        }
        return 0;
      });
    }
    const total = results.length;
    const page = request.params.page;
    if (page) results = results.slice(page.offset, page.offset + page.limit);
    callback(null, JSON.parse(JSON.stringify(results)), total);
  },
  find(request, callback) {
    const book = books.find((each) => each.id === request.params.id);
    if (!book) {
      return callback({ status: '404', code: 'ENOTFOUND', title: 'Requested resource does not exist',
        detail: `There is no books with id ${request.params.id}` });
    }
    callback(null, JSON.parse(JSON.stringify(book)));
  },
  create(request, resource, callback) {
    // jsonapi-server gives a new resource a UUID; this application numbers its books.
    const book = { ...resource, id: String(nextId++) };
    books.push(book);
    callback(null, JSON.parse(JSON.stringify(book)));
  },
  update(request, partial, callback) {
    const book = books.find((each) => each.id === request.params.id);
    if (!book) return handler.find(request, callback);
    Object.assign(book, partial);
    callback(null, JSON.parse(JSON.stringify(book)));
  },
  delete(request, callback) {
    const index = books.findIndex((each) => each.id === request.params.id);
    if (index < 0) return handler.find(request, callback);
    books.splice(index, 1);
    callback();
  }
};

const app = express();
jsonApi.setConfig({ protocol: 'http', hostname: '127.0.0.1', port, base: 'api', router: app });
jsonApi.define({
  resource: 'books',
  handlers: handler,
  attributes: {
    title: jsonApi.Joi.string().trim().min(1).required(),
    pages: jsonApi.Joi.number().integer(),
    published: jsonApi.Joi.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    genre: jsonApi.Joi.string(),
    available: jsonApi.Joi.boolean()
  }
});
jsonApi.start();
const server = http.createServer(app).listen(port, '127.0.0.1', () => {
  console.log('READY ' + server.address().port);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
