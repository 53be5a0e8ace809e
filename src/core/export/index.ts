/** Downloads built from app data: statistics as CSV, layers as GeoJSON. */
export { statsToCsv, csvCell, type CsvCell } from './stats-csv';
export { featuresToGeoJSON, type GeoJsonExportOptions } from './features-geojson';
export { sitesToGeoJSON, siteFeatures, SITES_SOURCE, type SiteFeatureProps } from './sites-geojson';
export { curveToCsv, CURVE_CSV_HEADER } from './sites-curve-csv';
