// A case that dies the way a library bug would kill a host: an exception thrown from a timer.
setTimeout(() => { throw new Error('thrown from a timer'); }, 0);
