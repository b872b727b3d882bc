package io.logsearch.generator;

import java.util.List;

/** User agents and what a user-agent parser makes of them, most frequent first. */
final class Browsers {

    record Browser(String userAgent, String device, String browser, String os) {
    }

    static final List<Browser> AGENTS = List.of(
            new Browser("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
                    "Other", "Chrome 124.0.0", "Windows 10"),
            new Browser("Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN",
                    "iPhone", "WeChat 8.0.47", "iOS 16.6"),
            new Browser("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36",
                    "Mac", "Chrome 123.0.0", "Mac OS X 10.15.7"),
            new Browser("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1",
                    "iPhone", "Mobile Safari 17.4.1", "iOS 17.4.1"),
            new Browser("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80",
                    "Other", "Edge 124.0.2478", "Windows 10"),
            new Browser("Mozilla/5.0 (Linux; Android 12; NOH-AN00 Build/HUAWEINOH-AN00; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/99.0.4844.88 Mobile Safari/537.36",
                    "Huawei NOH-AN00", "Chrome Mobile WebView 99.0.4844", "Android 12"),
            new Browser("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
                    "Mac", "Safari 17.4.1", "Mac OS X 10.15.7"),
            new Browser("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36",
                    "Google Pixel 8", "Chrome Mobile 124.0.6367", "Android 14"),
            new Browser("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
                    "Other", "Firefox 125.0", "Windows 10"),
            new Browser("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0",
                    "Other", "Firefox 124.0", "Ubuntu"));

    private Browsers() {
    }
}
