// The server compiled from src/ by 'npm ci' (its prepare script runs tsc).
require('./dist/main');
