// A TypeDoc plugin for `npm run docs`: members that the streams inherit from RxJS's Observable
// (`forEach`, `toPromise`) keep RxJS's doc comments, whose links name RxJS functions that are not
// part of these docs. They point to the RxJS documentation instead of warning as unresolved.
const RXJS_DOCS = {
  firstValueFrom: 'https://rxjs.dev/api/index/function/firstValueFrom',
  lastValueFrom: 'https://rxjs.dev/api/index/function/lastValueFrom',
  take: 'https://rxjs.dev/api/operators/take',
  takeUntil: 'https://rxjs.dev/api/operators/takeUntil',
  takeWhile: 'https://rxjs.dev/api/operators/takeWhile',
  timeout: 'https://rxjs.dev/api/operators/timeout',
};

/** Whether `reflection` (a member or one of its signatures) comes from RxJS's `Observable`. */
function inheritedFromObservable(reflection) {
  for (let r = reflection; r; r = r.parent) {
    if (r.inheritedFrom?.name?.startsWith('Observable.')) return true;
  }
  return false;
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.addUnknownSymbolResolver((ref, reflection) => {
    const path = ref.symbolReference?.path;
    if (ref.moduleSource !== undefined || path?.length !== 1 || !inheritedFromObservable(reflection)) return undefined;
    return RXJS_DOCS[path[0].path];
  });
}
