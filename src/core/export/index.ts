/** Downloads built from app data: statistics as CSV, layers as GeoJSON. */
export { statsToCsv, csvCell, type CsvCell } from './stats-csv';
export { featuresToGeoJSON, type GeoJsonExportOptions } from './features-geojson';
