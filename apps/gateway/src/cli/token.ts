import { tokenCommand, UsageError } from './token-command';

// `npm run token -w @tic/gateway -- --role dst_admin --org <uuid>`: prints the token alone on stdout.
tokenCommand(process.argv.slice(2), process.env).then(
  (token) => {
    process.stdout.write(`${token}\n`);
  },
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
