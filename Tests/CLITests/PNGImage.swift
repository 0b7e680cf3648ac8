import CZlib
import Foundation

/// A tiny PNG reader for the render check: 8-bit RGB or RGBA, not interlaced (what Chromium's
/// screenshots are). Chunks are read by hand, IDAT inflated with zlib, scanlines unfiltered.
struct PNGImage {
    var width: Int
    var height: Int
    /// RGB per pixel, row by row.
    var rgb: [UInt8]

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count > 8, bytes.prefix(8).elementsEqual([137, 80, 78, 71, 13, 10, 26, 10]) else {
            throw Failure(description: "not a PNG file")
        }
        func u32(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
        var i = 8
        var header: (width: Int, height: Int, depth: UInt8, colour: UInt8, interlace: UInt8)?
        var compressed: [UInt8] = []
        while i + 8 <= bytes.count {
            let length = u32(i)
            let type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
            let body = (i + 8)..<min(bytes.count, i + 8 + length)
            if type == "IHDR" {
                header = (u32(body.lowerBound), u32(body.lowerBound + 4), bytes[body.lowerBound + 8], bytes[body.lowerBound + 9],
                          bytes[body.lowerBound + 12])
            } else if type == "IDAT" {
                compressed.append(contentsOf: bytes[body])
            } else if type == "IEND" {
                break
            }
            i += 12 + length
        }
        guard let header, header.depth == 8, header.interlace == 0, header.colour == 2 || header.colour == 6 else {
            throw Failure(description: "unsupported PNG (want 8-bit RGB or RGBA, not interlaced)")
        }
        let channels = header.colour == 6 ? 4 : 3
        let stride = header.width * channels
        var raw = [UInt8](repeating: 0, count: header.height * (stride + 1))
        var size = uLongf(raw.count)
        let status = raw.withUnsafeMutableBufferPointer { out in
            compressed.withUnsafeBufferPointer { input in
                uncompress(out.baseAddress, &size, input.baseAddress, uLong(input.count))
            }
        }
        guard status == Z_OK, Int(size) == raw.count else { throw Failure(description: "IDAT does not inflate (zlib \(status))") }
        // Unfilter (PNG filters 0–4), in place, row by row.
        var pixels = [UInt8](repeating: 0, count: header.height * stride)
        for y in 0..<header.height {
            let filter = raw[y * (stride + 1)]
            let row = y * (stride + 1) + 1
            for x in 0..<stride {
                let a = x >= channels ? Int(pixels[y * stride + x - channels]) : 0
                let b = y > 0 ? Int(pixels[(y - 1) * stride + x]) : 0
                let c = x >= channels && y > 0 ? Int(pixels[(y - 1) * stride + x - channels]) : 0
                let value = Int(raw[row + x])
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = a
                case 2: predicted = b
                case 3: predicted = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predicted = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: throw Failure(description: "bad filter \(filter) on row \(y)")
                }
                pixels[y * stride + x] = UInt8((value + predicted) & 0xFF)
            }
        }
        width = header.width
        height = header.height
        rgb = [UInt8](repeating: 0, count: width * height * 3)
        for p in 0..<(width * height) {
            for k in 0..<3 { rgb[p * 3 + k] = pixels[p * channels + k] }
        }
    }

    /// Pixels that are not (nearly) white.
    var inkedPixels: Int {
        var count = 0
        for p in 0..<(width * height) where rgb[p * 3] < 235 || rgb[p * 3 + 1] < 235 || rgb[p * 3 + 2] < 235 { count += 1 }
        return count
    }

    /// Pixels of a clearly saturated colour (chart marks, not grey text).
    var colouredPixels: Int {
        var count = 0
        for p in 0..<(width * height) {
            let r = Int(rgb[p * 3]), g = Int(rgb[p * 3 + 1]), b = Int(rgb[p * 3 + 2])
            if max(r, g, b) - min(r, g, b) > 80 { count += 1 }
        }
        return count
    }
}
