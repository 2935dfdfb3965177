/**
 * A file system error as the one-line reason people read (`no such file or
 * directory`), never the system's own text, which names the call and the path
 * ("ELOOP: too many symbolic links encountered, stat '…'"). Its own module so
 * that the workers and the CLI's start-up can use it without loading the
 * config reader (Ajv).
 */
/** `ENOENT` → `no such file or directory`, for one-line reasons. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOTDIR':
      return 'not a folder';
    case 'ELOOP':
      return 'its symbolic links loop';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EINVAL':
      return 'the system does not allow writing there';
    case 'EPIPE':
      return 'the reader of the output went away';
    case 'ENXIO':
      return 'nobody is reading the pipe';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    default:
      // The system's own text names the path and the call ("ELOOP: …, stat '…'"): keep only the code.
      if (code) return `the system refused it (${code})`;
      return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ').trim();
  }
}
