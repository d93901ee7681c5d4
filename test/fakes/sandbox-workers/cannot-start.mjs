// A sandbox worker that fails while loading, as on a platform that cannot run it.
throw new Error('this platform cannot load the sandbox worker');
