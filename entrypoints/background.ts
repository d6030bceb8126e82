export default defineBackground(() => {
  // wired in lib/background (see below)
});
