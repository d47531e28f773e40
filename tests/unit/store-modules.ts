/**
 * Every module of the store, imported afresh (after vi.resetModules) and seen as one: the tests
 * that restart the background want the store functions of the same module graph.
 */
export async function importStore() {
  const parts = await Promise.all([
    import('@/utils/store/accounts'),
    import('@/utils/store/fired-reminders'),
    import('@/utils/store/schema'),
    import('@/utils/store/settings'),
    import('@/utils/store/transfer'),
    import('@/utils/store/types'),
    import('@/utils/store/validation'),
  ]);
  return Object.assign({}, ...parts) as (typeof parts)[0] &
    (typeof parts)[1] &
    (typeof parts)[2] &
    (typeof parts)[3] &
    (typeof parts)[4] &
    (typeof parts)[5] &
    (typeof parts)[6];
}
