import express from 'express';

export function main() {
  const app = express();
  app.listen(3000);
}
