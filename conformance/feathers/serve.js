// Feathers 5 on Koa with the memory adapter, serving the conformance dataset on
// 127.0.0.1 as a generated Feathers app does, in one file:
//   /books        paginated ({total, limit, skip, data}; $limit default 10, max 50)
//   /plain-books  the same books, not paginated (a plain array)
// Each service has its own copy of the books. Query values are typed by the service's
// query schema (AJV with coerceTypes, as the generator's queryValidator), so that
// pages[$gte]=200 compares numbers and available=false a boolean. The schema types the
// books' fields but, like an app without a query schema, lets other parameters through:
// the memory adapter reads them as equality filters on fields no record has, so
// ?ordering=-pages answers [] ({total: 0} when paginated). $regex (with $options) is
// allowed, as the memory adapter's documentation shows.
// Usage: node serve.js PORT [BOOKS_JSON]. Prints "READY <port>" once listening; exits when
// its standard input closes, so that it never outlives the test JVM that started it.
const fs = require('fs');
const path = require('path');
const { feathers } = require('@feathersjs/feathers');
const { koa, rest, bodyParser, errorHandler } = require('@feathersjs/koa');
const { memory } = require('@feathersjs/memory');
const { getValidator, querySyntax, hooks: schemaHooks } = require('@feathersjs/schema');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const port = Number(process.argv[2] || 0);
const dataset = process.argv[3] || path.join(__dirname, '..', 'books.json');
const books = JSON.parse(fs.readFileSync(dataset, 'utf8'));

// The generator's src/validators.ts: query strings are coerced to the schema's types.
const queryValidator = addFormats(new Ajv({ coerceTypes: true }), ['date', 'date-time']);

const bookProperties = {
  id: { type: 'integer' },
  title: { type: 'string' },
  pages: { type: 'integer' },
  published: { type: 'string', format: 'date' },
  genre: { type: 'string' },
  available: { type: 'boolean' }
};
const textOperators = { $regex: { type: 'string' }, $options: { type: 'string' } };
const bookQuerySchema = {
  $id: 'BookQuery',
  type: 'object',
  properties: {
    ...querySyntax(bookProperties, { title: textOperators, genre: textOperators })
  }
};
const validateBookQuery = schemaHooks.validateQuery(getValidator(bookQuerySchema, queryValidator), {
  // The adapter's own sanitizing (its $limit default and maximum) still runs.
  skipSanitize: false
});

function store() {
  return Object.fromEntries(books.map((book) => [book.id, { ...book }]));
}

const startId = Math.max(...books.map((book) => book.id)) + 1;
const operators = ['$regex', '$options'];

const app = koa(feathers());
app.use(errorHandler());
app.use(bodyParser());
app.configure(rest());
app.use('books', memory({ store: store(), startId, operators, paginate: { default: 10, max: 50 } }));
app.use('plain-books', memory({ store: store(), startId, operators }));
for (const name of ['books', 'plain-books']) {
  app.service(name).hooks({ around: { all: [validateBookQuery] } });
}

app.listen(port, '127.0.0.1').then((server) => {
  console.log('READY ' + server.address().port);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
