import { repositoryFile } from './repository';

/** One stage of a Dockerfile: its base, its name, and its instructions in order. */
export interface DockerStage {
  readonly from: string;
  readonly name?: string;
  readonly instructions: readonly { readonly keyword: string; readonly args: string }[];
}

/** The stages of a Dockerfile, with continuation lines joined and comments dropped. */
export function dockerStages(path: string): DockerStage[] {
  const lines = repositoryFile(path)
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
  const stages: { from: string; name?: string; instructions: { keyword: string; args: string }[] }[] = [];
  for (const line of lines) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (keyword.toUpperCase() === 'FROM') {
      const [from = '', as, name] = rest;
      stages.push({ from, ...(as?.toUpperCase() === 'AS' && name !== undefined ? { name } : {}), instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

/** Whether a path of the build context is left out by .dockerignore (its `*`, `**` and plain names). */
export function ignoredByDockerignore(path: string, dockerignore: string): boolean {
  const patterns = dockerignore
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
  return patterns.some((pattern) => {
    const source = pattern
      .split('**/')
      .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
      .join('(?:.*/)?');
    return new RegExp(`^${source}(?:/.*)?$`).test(path);
  });
}
