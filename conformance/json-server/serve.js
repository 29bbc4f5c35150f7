// json-server 0.17 on 127.0.0.1 with the conformance dataset held in memory.
// Prints "READY <port>" once listening; exits when its standard input closes, so that it
// never outlives the test JVM that started it.
const fs = require('fs');
const path = require('path');
const jsonServer = require('json-server');

const port = Number(process.argv[2] || 0);
const dataset = process.argv[3] || path.join(__dirname, '..', 'books.json');
const books = JSON.parse(fs.readFileSync(dataset, 'utf8'));

const server = jsonServer.create();
server.use(jsonServer.defaults({ logger: false }));
server.use(jsonServer.router({ books }));
const listener = server.listen(port, '127.0.0.1', () => {
  console.log('READY ' + listener.address().port);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
