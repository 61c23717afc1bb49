/**
 * essay-deck never downloads a browser on install: PDF export uses an installed Chrome/Chromium
 * (see README, "Getting a browser").
 * @type {import("puppeteer").Configuration}
 */
module.exports = { skipDownload: true };
