package io.logsearch.generator;

import java.util.List;

/** Cities as GeoIP databases describe them, most frequent (for Authing's mostly Chinese users) first. */
final class Places {

    record Place(double lon, double lat, String countryName, String countryCode2, String countryCode3,
            String regionName, String regionCode, String cityName, String continentCode, String timezone) {
    }

    static final List<Place> CITIES = List.of(
            new Place(121.4581, 31.2222, "China", "CN", "CHN", "Shanghai", "SH", "Shanghai", "AS", "Asia/Shanghai"),
            new Place(116.3883, 39.9289, "China", "CN", "CHN", "Beijing", "BJ", "Beijing", "AS", "Asia/Shanghai"),
            new Place(114.0683, 22.5455, "China", "CN", "CHN", "Guangdong", "GD", "Shenzhen", "AS", "Asia/Shanghai"),
            new Place(120.1614, 30.2936, "China", "CN", "CHN", "Zhejiang", "ZJ", "Hangzhou", "AS", "Asia/Shanghai"),
            new Place(113.2500, 23.1167, "China", "CN", "CHN", "Guangdong", "GD", "Guangzhou", "AS", "Asia/Shanghai"),
            new Place(104.0667, 30.6667, "China", "CN", "CHN", "Sichuan", "SC", "Chengdu", "AS", "Asia/Shanghai"),
            new Place(118.7778, 32.0617, "China", "CN", "CHN", "Jiangsu", "JS", "Nanjing", "AS", "Asia/Shanghai"),
            new Place(114.2734, 30.5801, "China", "CN", "CHN", "Hubei", "HB", "Wuhan", "AS", "Asia/Shanghai"),
            new Place(114.1759, 22.3027, "Hong Kong", "HK", "HKG", "Kowloon City", "KKC", "Hong Kong", "AS", "Asia/Hong_Kong"),
            new Place(103.8547, 1.2929, "Singapore", "SG", "SGP", "Central Singapore", "01", "Singapore", "AS", "Asia/Singapore"),
            new Place(121.5318, 25.0478, "Taiwan", "TW", "TWN", "Taipei City", "TPE", "Taipei", "AS", "Asia/Taipei"),
            new Place(139.6895, 35.6897, "Japan", "JP", "JPN", "Tokyo", "13", "Tokyo", "AS", "Asia/Tokyo"),
            new Place(126.9741, 37.5112, "South Korea", "KR", "KOR", "Seoul", "11", "Seoul", "AS", "Asia/Seoul"),
            new Place(-122.4194, 37.7749, "United States", "US", "USA", "California", "CA", "San Francisco", "NA", "America/Los_Angeles"),
            new Place(-74.0060, 40.7128, "United States", "US", "USA", "New York", "NY", "New York", "NA", "America/New_York"),
            new Place(8.6843, 50.1188, "Germany", "DE", "DEU", "Hesse", "HE", "Frankfurt am Main", "EU", "Europe/Berlin"),
            new Place(-0.1224, 51.4964, "United Kingdom", "GB", "GBR", "England", "ENG", "London", "EU", "Europe/London"),
            new Place(72.8856, 19.0748, "India", "IN", "IND", "Maharashtra", "MH", "Mumbai", "AS", "Asia/Kolkata"),
            new Place(151.2006, -33.8715, "Australia", "AU", "AUS", "New South Wales", "NSW", "Sydney", "OC", "Australia/Sydney"),
            new Place(106.8272, -6.1750, "Indonesia", "ID", "IDN", "Jakarta", "JK", "Jakarta", "AS", "Asia/Jakarta"),
            new Place(2.3387, 48.8582, "France", "FR", "FRA", "Île-de-France", "IDF", "Paris", "EU", "Europe/Paris"),
            new Place(-79.3839, 43.6532, "Canada", "CA", "CAN", "Ontario", "ON", "Toronto", "NA", "America/Toronto"),
            new Place(-46.6333, -23.5505, "Brazil", "BR", "BRA", "São Paulo", "SP", "São Paulo", "SA", "America/Sao_Paulo"));

    private Places() {
    }
}
