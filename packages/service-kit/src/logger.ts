import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

export function createLogger(options: { name: string; level?: LevelWithSilent }): Logger {
  return pino({
    name: options.name,
    level: options.level ?? 'info',
    // Personal data never reaches the logs through these common carriers.
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.password'], remove: true },
  });
}
